package io.uconform.cli;

import java.util.function.BooleanSupplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Passes events on until the run is being stopped: then the checks failing because their target
 * was closed under them print no progress lines and overwrite no partial JUnit XML.
 */
final class UntilStopped implements TestExecutionListener {

    private final TestExecutionListener delegate;
    private final BooleanSupplier stopping;

    UntilStopped(TestExecutionListener delegate, BooleanSupplier stopping) {
        this.delegate = delegate;
        this.stopping = stopping;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!stopping.getAsBoolean()) {
            delegate.testPlanExecutionStarted(testPlan);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!stopping.getAsBoolean()) {
            delegate.testPlanExecutionFinished(testPlan);
        }
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier id) {
        if (!stopping.getAsBoolean()) {
            delegate.dynamicTestRegistered(id);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (!stopping.getAsBoolean()) {
            delegate.executionSkipped(id, reason);
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (!stopping.getAsBoolean()) {
            delegate.executionStarted(id);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!stopping.getAsBoolean()) {
            delegate.executionFinished(id, result);
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (!stopping.getAsBoolean()) {
            delegate.reportingEntryPublished(id, entry);
        }
    }

    @Override
    public void fileEntryPublished(TestIdentifier id, FileEntry file) {
        if (!stopping.getAsBoolean()) {
            delegate.fileEntryPublished(id, file);
        }
    }
}
