package io.uts4j.launch;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}). Deliberately small and
 * not public: it makes the agent's isolated class loader and hands over; it touches no JDK
 * internals itself, so nothing is ever opened to the application class loader that loaded it.
 */
final class AgentLauncher {
    private AgentLauncher() {}

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static void start(String args, Instrumentation inst, boolean dynamic) {
        try {
            AgentJar.invoke("io.uts4j.agent.Agent", "start", new Class<?>[] {Object[].class},
                    (Object) new Object[] {args, inst, dynamic});
        } catch (Error | RuntimeException e) {
            // The agent reports its own failures; this is one it could not even report.
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
