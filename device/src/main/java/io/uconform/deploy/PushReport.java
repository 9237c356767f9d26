package io.uconform.deploy;

import java.util.List;

/** What a push did: files written, files skipped because their SHA-256 matched, bytes sent. */
public record PushReport(List<String> written, List<String> upToDate, long bytesWritten) {

    public PushReport {
        written = List.copyOf(written);
        upToDate = List.copyOf(upToDate);
    }

    @Override
    public String toString() {
        return written.size() + " written (" + bytesWritten + " bytes), " + upToDate.size() + " up to date";
    }
}
