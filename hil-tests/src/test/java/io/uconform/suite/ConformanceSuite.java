package io.uconform.suite;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The conformance suite as Maven runs it: every check class in {@code io.uconform.checks}, against
 * the target chosen on the command line ({@code -Dtarget=url -Dtarget.url=http://...},
 * {@code -Dprofile=...}, {@code -Dtargets=file.json}; default {@code sim} with {@code reference}).
 */
@Suite
@SuiteDisplayName("uconform conformance")
@SelectPackages("io.uconform.checks")
// the suite engine selects only *Test/*Tests classes by default; check classes are *Checks
@IncludeClassNamePatterns(".*Checks")
class ConformanceSuite {
}
