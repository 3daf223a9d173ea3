package io.uts4j.agent;

import io.uts4j.agent.boot.Bootstrap;
import java.lang.instrument.Instrumentation;

/**
 * The isolated agent's entry: validate everything and open the namespaces that decide the start
 * first, then install; never half-configured. At JVM start a failure exits before main with one
 * line; attached to a running JVM, it is reported to the attacher instead and leaves nothing
 * installed, so that a corrected attach may follow. This class refers to no bootstrap class: it
 * defines them first ({@link Startup} does the rest).
 */
public final class Agent {
    /** Exit status for a configuration that cannot be used. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when the agent cannot do its job (kernel mode required but unavailable, say). */
    public static final int EXIT_FAILED = 3;

    private Agent() {}

    /**
     * The launcher's entry, called reflectively with {@code {args, inst, dynamic}} as one array: JDK
     * 18+ reflection runs on method handles, and a call shape of its own (a String, an
     * Instrumentation and a boolean) made the JVM generate classes for it, 10 ms of a cold start on JDK 25.
     */
    public static void start(Object[] request) {
        start((String) request[0], (Instrumentation) request[1], (Boolean) request[2]);
    }

    private static void start(String args, Instrumentation inst, boolean dynamic) {
        AttachReport report = dynamic ? AttachReport.of(inst, args) : null;
        try {
            run(report != null ? report.config : args, inst, dynamic);
            if (report != null && report.hasKey()) report.outcome(AttachReport.OK);
        } catch (Failure f) {
            String line = "uts4j: " + f.getMessage();
            if (!dynamic) {
                System.err.println(line);
                if (f.status != 0) System.exit(f.status);
            } else if (report.hasKey()) {
                report.outcome(line);
            } else {
                throw new IllegalArgumentException(line); // all a plain attacher can be told
            }
        }
    }

    private static void run(String args, Instrumentation inst, boolean dynamic) throws Failure {
        try {
            Bootstrap.define(inst);
        } catch (Exception | LinkageError e) {
            throw new Failure(EXIT_FAILED, "cannot define the agent's bootstrap in this JVM (" + jvm() + "): " + e);
        }
        // Only now may a class that refers to the bootstrap load.
        Startup.run(args, inst, dynamic);
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + Runtime.version();
    }
}
