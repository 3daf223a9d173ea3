package io.uts4j.launch;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}). Deliberately small: it
 * defines the tiny bootstrap part and the public API in the bootstrap class loader (so that
 * instrumented JDK classes and every class loader see them alike), then hands over to the
 * isolated implementation. It references no other uts4j class, so that nothing of the
 * bootstrap part is loaded by the application class loader first.
 */
public final class AgentLauncher {
    private static final String ATTACHED = "uts4j.attached";

    private AgentLauncher() {}

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static synchronized void start(String args, Instrumentation inst, boolean dynamic) {
        // A guard that every copy of this class shares, should the jar be given twice.
        if (System.getProperties().putIfAbsent(ATTACHED, "true") != null) {
            System.err.println("uts4j: agent already attached; ignoring another -javaagent");
            return;
        }
        try {
            BootstrapClasses.define(AgentJar.jar(), inst);
            AgentJar.invoke("io.uts4j.agent.Agent", "start",
                    new Class<?>[] {String.class, Instrumentation.class, boolean.class}, args, inst, dynamic);
        } catch (Throwable e) {
            if (dynamic) {
                // Attached to a running JVM: the attacher is told (AgentInitializationException), the
                // JVM goes on, and a corrected attach may follow.
                System.getProperties().remove(ATTACHED);
                throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
            }
            System.err.println("uts4j: agent failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
