package io.uts4j.bootstrap;

/** A failing custom resolver is reported once, and its threads fall back to the agent's rules. */
final class ResolverFailures {
    private static volatile boolean reported;

    private ResolverFailures() {}

    static void report(Object resolver, Throwable e) {
        if (reported) return;
        reported = true;
        System.err.println("uts4j: tenant resolver " + resolver + " failed (" + e
                + "); its threads fall back to the configured rules (reported once)");
    }
}
