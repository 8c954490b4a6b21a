package org.diplokg.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent per stage (summed over articles and threads), for {@code kg bench --stages}. The converter records
 * into it only when given one, so a normal run pays nothing for it.
 */
public final class StageTimes {
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    /** First-seen order, so the breakdown prints in pipeline order. */
    private final Map<String, Boolean> order = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public void add(String stage, long nanoseconds) {
        order.putIfAbsent(stage, Boolean.TRUE);
        nanos.computeIfAbsent(stage, k -> new LongAdder()).add(nanoseconds);
    }

    /** Seconds per stage, in the order stages were first timed. */
    public Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        synchronized (order) {
            for (String s : order.keySet()) out.put(s, nanos.get(s).sum() / 1e9);
        }
        return out;
    }
}
