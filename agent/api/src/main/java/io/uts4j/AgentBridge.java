package io.uts4j;

import java.util.function.BiFunction;

/**
 * The one narrow way from this API into the agent: a {@code BiFunction<String, Object[], Object>}
 * (an operation's name and its arguments, JDK types only) that the agent publishes through a class
 * it defines in the bootstrap class loader. JDK types make it the same for every copy of this API,
 * whichever class loader loaded it (an application's, a web application's, the agent's own).
 *
 * <p>The bridge is only trusted if its class is the agent's own, defined inside {@code java.base}:
 * no application code can define a class there, so no other object can pose as the agent.
 */
final class AgentBridge {
    static final String LINK = "io.uts4j.link.AgentLink";
    static final String BRIDGE_CLASS = "jdk.internal.misc.Uts4jBridge";
    /** How long a "not attached" answer is trusted before looking again (a dynamic attach may come). */
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private static volatile BiFunction<String, Object[], Object> bridge;
    private static volatile long notFoundAt;
    private static volatile boolean checkedOnce;

    private AgentBridge() {}

    /** The agent's bridge, or null when the agent is not attached. */
    static BiFunction<String, Object[], Object> find() {
        BiFunction<String, Object[], Object> b = bridge;
        if (b != null) return b;
        long now = System.nanoTime();
        if (checkedOnce && now - notFoundAt < RECHECK_NANOS) return null;
        b = lookUp();
        if (b != null) {
            bridge = b;
        } else {
            notFoundAt = now;
            checkedOnce = true;
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private static BiFunction<String, Object[], Object> lookUp() {
        try {
            Class<?> link = Class.forName(LINK, true, null);
            Object b = link.getMethod("bridge").invoke(null);
            if (b == null) return null;
            Class<?> c = b.getClass();
            boolean genuine = c.getName().equals(BRIDGE_CLASS) && c.getClassLoader() == null
                    && c.getModule() == Object.class.getModule() && b instanceof BiFunction;
            return genuine ? (BiFunction<String, Object[], Object>) b : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    static boolean attached() {
        return find() != null;
    }

    /** Calls an operation of the agent; what the operation throws is thrown unchanged. */
    static Object call(String operation, Object... args) {
        BiFunction<String, Object[], Object> b = find();
        if (b == null) throw new IllegalStateException("the uts4j agent is not attached to this JVM");
        return b.apply(operation, args);
    }

    /** As {@link #call}, for operations that run a task whose checked exceptions pass through. */
    static Object callThrowing(String operation, Object... args) throws Exception {
        return call(operation, args);
    }
}
