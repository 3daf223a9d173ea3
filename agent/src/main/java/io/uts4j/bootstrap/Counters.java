package io.uts4j.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/** Agent-wide counters, for JMX. */
public final class Counters {
    /** Refused attempts to bind a thread: an unknown or removed tenant, a scope closed by another thread. */
    public static final LongAdder DENIED_REBINDS = new LongAdder();

    private Counters() {}
}
