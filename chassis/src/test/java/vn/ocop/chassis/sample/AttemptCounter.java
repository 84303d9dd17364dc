package vn.ocop.chassis.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How often the sample consumer was handed an event of each dossier (deliveries, including retries). */
public final class AttemptCounter {

    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private AttemptCounter() {
    }

    static void attempted(String dossierId) {
        ATTEMPTS.computeIfAbsent(dossierId, id -> new AtomicInteger()).incrementAndGet();
    }

    public static int attempts(String dossierId) {
        AtomicInteger count = ATTEMPTS.get(dossierId);
        return count == null ? 0 : count.get();
    }
}
