package io.uts4j.agent.kernel;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A latency summary that costs two atomic increments a sample: counts in power-of-two microsecond
 * buckets, so percentiles are upper bounds within a factor of two, plus the exact maximum.
 */
public final class Latency {
    private static final int BUCKETS = 40;
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();

    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        int bucket = Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros));
        buckets.incrementAndGet(bucket);
        max.accumulateAndGet(micros, Math::max);
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) n += buckets.get(i);
        return n;
    }

    /** The upper bound, in microseconds, under which the given fraction of samples fell; 0 with none. */
    public long percentileMicros(double fraction) {
        long total = count();
        if (total == 0) return 0;
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += buckets.get(i);
            if (seen >= wanted) return Math.min(i == 0 ? 0 : 1L << i, max.get());
        }
        return max.get();
    }

    public long maxMicros() {
        return max.get();
    }
}
