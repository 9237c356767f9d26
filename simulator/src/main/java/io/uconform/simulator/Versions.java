package io.uconform.simulator;

/** Versions reported as facts: the jar's implementation version, or the build's when run from classes. */
final class Versions {

    static final String UCONFORM = version();

    private Versions() {
    }

    private static String version() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
