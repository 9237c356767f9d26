package io.uconform.suite;

/** Gives tests of other packages the (package-private) check class that crashes its target. */
public final class TargetDownFixture {

    private TargetDownFixture() {
    }

    public static Class<?> checks() {
        return TargetDownChecks.class;
    }
}
