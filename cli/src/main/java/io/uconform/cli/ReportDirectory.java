package io.uconform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report directory is made and proven writable before a run starts, so no run's work is lost at its end. */
final class ReportDirectory {

    private ReportDirectory() {
    }

    static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".uconform-write-", ".probe");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "it cannot be created there"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new IllegalArgumentException("cannot write reports into " + dir.toAbsolutePath() + " (" + why
                    + "): choose another --report-dir");
        }
    }
}
