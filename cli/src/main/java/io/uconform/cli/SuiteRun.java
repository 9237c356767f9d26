package io.uconform.cli;

import io.uconform.cleanup.Cleanup;
import io.uconform.cleanup.Registration;
import io.uconform.report.ReportListener;
import io.uconform.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * One run of the suite through the JUnit Platform Launcher, with the report, JUnit XML and progress
 * listeners. A signal during the run (SIGINT, SIGTERM, SIGHUP) writes the partial report, marked
 * interrupted, and prints where it is, before {@link Cleanup} stops the targets and their processes.
 */
record SuiteRun(Optional<RunReport> report, Path reportDir, Path junitXml) {

    static final String CHECKS_PACKAGE = "io.uconform.checks";
    static final String INTERRUPTED = "interrupted by a signal (SIGINT, SIGTERM or SIGHUP) before the run finished";

    static SuiteRun execute(String checksPackage, Map<String, String> parameters, Path reportDir, PrintWriter out) {
        ReportListener report = new ReportListener();
        AtomicBoolean stopping = new AtomicBoolean();
        Path junitXml = reportDir.resolve("TEST-junit-jupiter.xml");
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                // listeners are chosen here (the report listener is also registered for Maven runs)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(report,
                        new UntilStopped(new LegacyXmlReportGeneratingListener(reportDir, out), stopping::get),
                        new UntilStopped(new ProgressListener(out), stopping::get)).build());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(checksPackage)).configurationParameters(parameters).build();
        Registration onSignal = Cleanup.first(() -> {
            stopping.set(true);
            report.writeInterrupted(INTERRUPTED).ifPresent(partial -> {
                out.println();
                out.printf("uconform: interrupted: partial report of %d checks (marked interrupted); stopping the target%n",
                        partial.checks().size());
                out.println("  report.html: " + reportDir.resolve("report.html").toAbsolutePath());
                out.println("  report.json: " + reportDir.resolve("report.json").toAbsolutePath());
                out.println("  JUnit XML:   " + junitXml.toAbsolutePath());
                out.flush();
            });
        });
        try {
            launcher.execute(request);
        } finally {
            onSignal.close();
        }
        return new SuiteRun(report.report(), reportDir, junitXml);
    }
}
