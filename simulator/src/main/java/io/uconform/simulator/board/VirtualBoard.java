package io.uconform.simulator.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A simulated board: pins with modes, pulls and levels, outside inputs (buttons, voltages), PWM,
 * ADC, edge listeners, faults, resets and a timeline of everything that happened.
 *
 * <p>Thread-safe: HTTP handlers, background work (blink) and admin calls may use it concurrently.
 * Every operation is atomic; edge listeners run after the operation, outside the board's lock.
 * Operations on a pin the board lacks throw {@link NoSuchPinException}; operations a pin cannot do
 * throw {@link PinCapabilityException}.
 */
public final class VirtualBoard {

    private final BoardProfile profile;
    private final LongSupplier nanoClock;
    private final Random noise;
    private final Object lock = new Object();
    private final Map<Integer, PinSlot> pins = new TreeMap<>();
    private final Timeline timeline;
    private final EdgeListeners listeners = new EdgeListeners();
    private final List<ActiveFault> faults = new ArrayList<>();
    private final Jumpers jumpers = new Jumpers();
    private long bootNanos;
    private int boot;
    private ResetCause resetCause = ResetCause.POWER_ON;

    /**
     * @param nanoClock        monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param noiseSeed        seed of the ADC noise fault (runs are repeatable)
     * @param timelineCapacity events kept before the oldest are dropped
     */
    public VirtualBoard(BoardProfile profile, LongSupplier nanoClock, long noiseSeed, int timelineCapacity) {
        this.profile = profile;
        this.nanoClock = nanoClock;
        this.noise = new Random(noiseSeed);
        this.timeline = new Timeline(timelineCapacity);
        for (int gpio : profile.gpios()) {
            pins.put(gpio, new PinSlot(gpio, profile.isInputOnly(gpio), profile.hasAdc(gpio)));
        }
        synchronized (lock) {
            bootNanos = nanoClock.getAsLong();
            record(BoardEvent.Kind.RESET, -1, 0, resetCause.wireName());
            for (PinSlot slot : pins.values()) {
                applyBootConfiguration(slot);
                slot.lastLevel = observedLevel(slot);
            }
        }
    }

    /** A board powered on now, with the system clock and the default timeline size. */
    public static VirtualBoard powerOn(BoardProfile profile) {
        return new VirtualBoard(profile, System::nanoTime, 42L, Timeline.DEFAULT_CAPACITY);
    }

    public BoardProfile profile() {
        return profile;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Milliseconds since the last boot (power-on or reset). */
    public long uptimeMillis() {
        synchronized (lock) {
            return uptimeLocked();
        }
    }

    /** 0 after power-on, incremented by every reset. */
    public int bootCount() {
        synchronized (lock) {
            return boot;
        }
    }

    public ResetCause resetCause() {
        synchronized (lock) {
            return resetCause;
        }
    }

    public List<PinState> pins() {
        synchronized (lock) {
            return pins.values().stream().map(this::snapshot).toList();
        }
    }

    public PinState pin(int pin) {
        synchronized (lock) {
            return snapshot(slot(pin));
        }
    }

    /** Sets mode and/or pull (a null argument keeps the current one). */
    public PinState configure(int pin, PinMode mode, Pull pull) {
        return mutate(calls -> {
            PinSlot s = slot(pin);
            if (mode == PinMode.OUT || mode == PinMode.PWM) {
                requireOutputCapable(s);
            }
            if (mode == PinMode.ADC) {
                requireAdc(s);
            }
            setMode(s, mode == null ? s.mode : mode, pull == null ? s.pull : pull);
            settle(s, calls);
            return snapshot(s);
        });
    }

    /** Writes the output latch (0 or 1); it shows on the pin while the mode is {@code out}. */
    public PinState write(int pin, int value) {
        if (value != 0 && value != 1) {
            throw new BoardException("GPIO " + pin + ": a digital value is 0 or 1, not " + value);
        }
        return mutate(calls -> {
            PinSlot s = slot(pin);
            requireOutputCapable(s);
            writeLatch(s, value);
            settle(s, calls);
            return snapshot(s);
        });
    }

    /** Inverts the output latch, making the pin an output first if it is not one. */
    public PinState toggle(int pin) {
        return mutate(calls -> {
            PinSlot s = slot(pin);
            requireOutputCapable(s);
            setMode(s, PinMode.OUT, s.pull);
            writeLatch(s, 1 - s.latch);
            settle(s, calls);
            return snapshot(s);
        });
    }

    /** Switches the pin to PWM with the given frequency (Hz) and duty (0..1023). */
    public PinState pwm(int pin, int freq, int duty) {
        if (freq < 1 || duty < 0 || duty > 1023) {
            throw new BoardException("GPIO " + pin + ": PWM needs freq >= 1 Hz and duty 0..1023");
        }
        return mutate(calls -> {
            PinSlot s = slot(pin);
            requireOutputCapable(s);
            setMode(s, PinMode.PWM, s.pull);
            if (s.pwmFreq != freq || s.pwmDuty != duty) {
                s.pwmFreq = freq;
                s.pwmDuty = duty;
                record(BoardEvent.Kind.PWM_CHANGE, pin, duty, "freq=" + freq + " duty=" + duty);
            }
            settle(s, calls);
            return snapshot(s);
        });
    }

    /** Converts the pin's voltage (switching it to ADC mode), with any ADC fault applied. */
    public AdcReading readAdc(int pin) {
        return mutate(calls -> {
            PinSlot s = slot(pin);
            requireAdc(s);
            setMode(s, PinMode.ADC, s.pull);
            settle(s, calls);
            int mv = s.padMillivolts();
            for (ActiveFault f : faultsFor(pin)) {
                mv = f.fault().onAdcMillivolts(mv, noise);
            }
            int raw = AdcCurve.rawFor(mv);
            return new AdcReading(pin, raw, AdcCurve.millivoltsFor(raw));
        });
    }

    /** Drives a digital level onto the pin from outside (0 V or full scale). */
    public PinState drive(int pin, int level) {
        if (level != 0 && level != 1) {
            throw new BoardException("GPIO " + pin + ": a level is 0 or 1, not " + level);
        }
        return inject(pin, level == 1 ? AdcCurve.FULL_SCALE_MV : 0, "level " + level);
    }

    /** Drives a voltage onto the pin from outside (clamped to 0..3300 mV). */
    public PinState driveMillivolts(int pin, int millivolts) {
        int mv = Math.max(0, Math.min(AdcCurve.FULL_SCALE_MV, millivolts));
        return inject(pin, mv, mv + " mV");
    }

    /** Stops driving the pin from outside: it floats back to its pull level. */
    public PinState release(int pin) {
        return inject(pin, null, "released");
    }

    /** Presses an active-low button on the pin (drives it to 0). */
    public PinState press(int pin) {
        return inject(pin, 0, "button pressed");
    }

    /** Releases a button on the pin (stops driving it; the pull-up brings it back to 1). */
    public PinState releaseButton(int pin) {
        return inject(pin, null, "button released");
    }

    /** Calls {@code listener} on level changes of {@code pin} matching {@code edge}. */
    public EdgeSubscription onEdge(int pin, Edge edge, EdgeListener listener) {
        synchronized (lock) {
            slot(pin);
        }
        return listeners.add(pin, edge, listener);
    }

    /**
     * Restarts the board: uptime starts again from 0, the cause is recorded, pins return to their
     * boot configuration. Outside drives, faults, listeners and the timeline are kept (they are
     * not part of the chip).
     */
    public void reset(ResetCause cause) {
        mutate(calls -> {
            boot++;
            bootNanos = nanoClock.getAsLong();
            resetCause = cause;
            record(BoardEvent.Kind.RESET, -1, 0, cause.wireName());
            for (PinSlot s : pins.values()) {
                applyBootConfiguration(s);
                settle(s, calls);
            }
            return null;
        });
    }

    /**
     * Wires pin {@code from} to pin {@code to} (see {@link Jumper}); the wire stays across resets.
     * {@link BoardException} when a pin is missing, already wired, or both ends are one pin.
     */
    public void connect(int from, int to) {
        mutate(calls -> {
            slot(from);
            slot(to);
            jumpers.add(from, to);
            return null;
        });
    }

    public List<Jumper> jumpers() {
        synchronized (lock) {
            return jumpers.list();
        }
    }

    public List<ActiveFault> faults() {
        synchronized (lock) {
            return List.copyOf(faults);
        }
    }

    /** Replaces the active faults; pins whose observed level changes because of it report the change. */
    public void setFaults(List<ActiveFault> newFaults) {
        mutate(calls -> {
            for (ActiveFault f : newFaults) {
                if (f.pin() != ActiveFault.EVERY_PIN) {
                    slot(f.pin());
                }
            }
            for (ActiveFault f : faults) {
                if (!newFaults.contains(f)) {
                    record(BoardEvent.Kind.FAULT, f.pin(), 0, "cleared " + f);
                }
            }
            for (ActiveFault f : newFaults) {
                if (!faults.contains(f)) {
                    record(BoardEvent.Kind.FAULT, f.pin(), 1, "set " + f);
                }
            }
            faults.clear();
            faults.addAll(newFaults);
            for (PinSlot s : pins.values()) {
                settle(s, calls);
            }
            return null;
        });
    }

    private PinState inject(int pin, Integer millivolts, String what) {
        return mutate(calls -> {
            PinSlot s = slot(pin);
            s.externalMillivolts = millivolts;
            record(BoardEvent.Kind.INPUT_INJECTED, pin, millivolts == null ? 0 : millivolts, what);
            settle(s, calls);
            return snapshot(s);
        });
    }

    private void applyBootConfiguration(PinSlot s) {
        s.restoreDefaults();
        if (s.pin == profile.ledPin()) {
            s.mode = PinMode.OUT;
        } else if (s.pin == profile.buttonPin()) {
            s.pull = Pull.UP;
        }
    }

    private void setMode(PinSlot s, PinMode mode, Pull pull) {
        if (s.mode != mode || s.pull != pull) {
            s.mode = mode;
            s.pull = pull;
            record(BoardEvent.Kind.MODE_CHANGE, s.pin, 0, "mode=" + mode.wireName() + " pull=" + pull.wireName());
        }
    }

    private void writeLatch(PinSlot s, int requested) {
        int value = requested;
        for (ActiveFault f : faultsFor(s.pin)) {
            value = f.fault().onWrite(s.latch, value);
        }
        if (value != requested) {
            record(BoardEvent.Kind.FAULT, s.pin, requested, "write of " + requested + " ignored (STUCK_PIN)");
        }
        s.latch = value;
    }

    /** Records a level change of a digital pin and collects the listener calls it causes. */
    private void settle(PinSlot s, List<Runnable> calls) {
        if (!s.isDigital()) {
            return;
        }
        int level = observedLevel(s);
        if (level != s.lastLevel) {
            BoardEvent e = record(BoardEvent.Kind.PIN_CHANGE, s.pin, level, s.mode.wireName());
            listeners.collect(s.pin, s.lastLevel, level, e.atMillis(), calls);
            s.lastLevel = level;
        }
    }

    private int observedLevel(PinSlot s) {
        int level = s.padLevel();
        if (s.mode == PinMode.OUT) {
            for (ActiveFault f : faultsFor(s.pin)) {
                level = f.fault().observedLevel(level);
            }
        }
        return level;
    }

    private List<ActiveFault> faultsFor(int pin) {
        return faults.stream().filter(f -> f.appliesTo(pin)).toList();
    }

    private PinState snapshot(PinSlot s) {
        int value = switch (s.mode) {
            case OUT -> s.latch;
            case IN -> s.padLevel();
            case PWM -> s.pwmDuty;
            case ADC -> AdcCurve.rawFor(s.padMillivolts());
        };
        int level = s.isDigital() ? observedLevel(s) : 0;
        return new PinState(s.pin, s.mode, s.pull, value, level, s.inputOnly, s.adc,
                s.externalMillivolts != null, s.externalMillivolts == null ? 0 : s.externalMillivolts,
                s.pwmFreq, s.pwmDuty);
    }

    private PinSlot slot(int pin) {
        PinSlot s = pins.get(pin);
        if (s == null) {
            throw new NoSuchPinException(pin, profile.id());
        }
        return s;
    }

    private void requireOutputCapable(PinSlot s) {
        if (s.inputOnly) {
            throw new PinCapabilityException("GPIO " + s.pin + " of " + profile.id() + " is input-only");
        }
    }

    private void requireAdc(PinSlot s) {
        if (!s.adc) {
            throw new PinCapabilityException("GPIO " + s.pin + " of " + profile.id() + " has no ADC channel");
        }
    }

    private BoardEvent record(BoardEvent.Kind kind, int pin, int value, String detail) {
        return timeline.append(boot, uptimeLocked(), kind, pin, value, detail);
    }

    private long uptimeLocked() {
        return (nanoClock.getAsLong() - bootNanos) / 1_000_000L;
    }

    /** What a pin puts on a wire: an output's observed level, a PWM's mean voltage, else nothing. */
    private Integer wireDrive(PinSlot s) {
        if (s.mode == PinMode.OUT) {
            return observedLevel(s) == 1 ? AdcCurve.FULL_SCALE_MV : 0;
        }
        if (s.mode == PinMode.PWM) {
            return s.pwmDuty * AdcCurve.FULL_SCALE_MV / 1023;
        }
        return null;
    }

    /** Runs a change under the lock, then the listener calls it collected, outside the lock. */
    private <T> T mutate(Function<List<Runnable>, T> change) {
        List<Runnable> calls = new ArrayList<>();
        T result;
        synchronized (lock) {
            result = change.apply(calls);
            jumpers.propagate(this::slot, this::wireDrive, s -> settle(s, calls));
        }
        calls.forEach(Runnable::run);
        return result;
    }
}
