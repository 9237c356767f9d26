package io.uconform.cli;

import io.uconform.report.ReportListener;
import io.uconform.report.RunReport;
import io.uconform.suite.Shard;
import io.uconform.suite.ShardFilter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/** One run of the suite through the JUnit Platform Launcher, with the report, JUnit XML and progress listeners. */
record SuiteRun(Optional<RunReport> report, Path reportDir, Path junitXml) {

    static final String CHECKS_PACKAGE = "io.uconform.checks";

    static SuiteRun execute(String checksPackage, Map<String, String> parameters, Path reportDir, PrintWriter out) {
        return execute(checksPackage, parameters, Optional.empty(), reportDir, out);
    }

    /** @param shard when present, only that shard's checks are discovered (the rest are not in the report at all) */
    static SuiteRun execute(String checksPackage, Map<String, String> parameters, Optional<Shard> shard, Path reportDir,
                            PrintWriter out) {
        ReportListener report = new ReportListener();
        LegacyXmlReportGeneratingListener junitXml = new LegacyXmlReportGeneratingListener(reportDir, out);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                // listeners are chosen here (the report listener is also registered for Maven runs)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(report, junitXml, new ProgressListener(out))
                // the shard is given here, not read from a system property
                .enablePostDiscoveryFilterAutoRegistration(false).build());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(checksPackage)).filters(new ShardFilter(shard))
                .configurationParameters(parameters).build();
        launcher.execute(request);
        return new SuiteRun(report.report(), reportDir, reportDir.resolve("TEST-junit-jupiter.xml"));
    }
}
