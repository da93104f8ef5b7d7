package dev.certsd.diagnose;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times as their ISO-8601 text ({@link Instant#toString}), each made once: the certificates of a directory share a
 * few times (copies, one CA's batch), and a directory of 100,000 files made that text for every finding and every
 * certificate object of the JSON. Safe for threads; bounded (cleared past 4,096 distinct times).
 */
public final class TimeTexts {
    private static final int MAX = 4096;
    private final Map<Instant, String> texts = new ConcurrentHashMap<>();

    public String of(Instant t) {
        if (texts.size() > MAX) {
            texts.clear(); // many distinct certificates: the cache would only grow
        }
        return texts.computeIfAbsent(t, Instant::toString);
    }
}
