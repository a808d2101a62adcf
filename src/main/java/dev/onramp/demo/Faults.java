package dev.onramp.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The faults armed on a simulator, consumed one call at a time in the order they were armed, and those
 * held (played on every matching call until released); safe for the simulator's handler threads and the
 * test, command line or window that arms them.
 */
public final class Faults {
    private final List<Armed> armed = new ArrayList<>();
    private final List<Fault> held = new ArrayList<>();

    /** Plays {@code fault} for its next {@code calls} matching API calls. */
    public synchronized void arm(Fault fault) {
        armed.add(new Armed(fault, fault.calls()));
    }

    /** Plays {@code fault} on every matching API call, after any armed one, until it is {@linkplain #release released}. */
    public synchronized void hold(Fault fault) {
        if (!held.contains(fault)) {
            held.add(fault);
        }
    }

    /** Stops playing a fault {@link #hold} holds; nothing when it holds none such. */
    public synchronized void release(Fault fault) {
        held.remove(fault);
    }

    /** Disarms the faults armed for the next calls; held ones (a demo scenario switched on) stay until released. */
    public synchronized void disarm() {
        armed.clear();
    }

    /** Disarms every fault, held ones too. */
    public synchronized void clear() {
        armed.clear();
        held.clear();
    }

    /** How many faulty answers are still to come. */
    public synchronized int pending() {
        return armed.stream().mapToInt(Armed::left).sum();
    }

    /**
     * The fault to play for this call, if one is armed for it; {@code tokenChecked} says whether
     * the call needs a bearer token, without which an expired-token fault does not apply. Check
     * faults are left for {@link #takeCheck}.
     */
    synchronized Optional<Fault> take(String method, String path, boolean tokenChecked) {
        return takeFirst(fault -> fault.matches(method, path) && (fault.kind() != Fault.Kind.EXPIRED_TOKEN || tokenChecked));
    }

    /** The check fault to play for this test of the source {@code sourceId} by {@code method path}, if one is armed. */
    synchronized Optional<Fault> takeCheck(String method, String path, String sourceId) {
        return takeFirst(fault -> fault.matchesCheck(method, path, sourceId));
    }

    private Optional<Fault> takeFirst(Predicate<Fault> wanted) {
        for (int i = 0; i < armed.size(); i++) {
            Armed next = armed.get(i);
            Fault fault = next.fault();
            if (wanted.test(fault)) {
                if (next.left() == 1) {
                    armed.remove(i);
                } else {
                    armed.set(i, new Armed(fault, next.left() - 1));
                }
                return Optional.of(fault);
            }
        }
        return held.stream().filter(wanted).findFirst();
    }

    /** A fault and how many more calls it is for. */
    private record Armed(Fault fault, int left) {}
}
