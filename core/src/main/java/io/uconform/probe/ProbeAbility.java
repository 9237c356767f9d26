package io.uconform.probe;

/**
 * What a check may ask of a {@link BoardProbe} for one pin. The virtual board's probe can do all of
 * them; a probe through wired loopback pins reads and drives levels only.
 */
public enum ProbeAbility {

    /** Read the digital level the pin shows outside the chip. */
    READ_LEVEL("level"),
    /** Read the mode ({@code in}, {@code out}, ...) and pull the pin is configured with. */
    READ_MODE_AND_PULL("mode and pull"),
    /** Read the PWM duty the pin is driven with. */
    READ_DUTY("PWM duty"),
    /** List the pin's level changes with their times ({@link BoardProbe#changes}). */
    TIMELINE("timeline of level changes"),
    /** Drive a digital level onto the pin from outside. */
    DRIVE_LEVEL("driven level"),
    /** Drive an analog voltage onto the pin from outside. */
    DRIVE_ANALOG("driven voltage");

    private final String what;

    ProbeAbility(String what) {
        this.what = what;
    }

    /** A few words for messages, e.g. {@code mode and pull}. */
    public String what() {
        return what;
    }
}
