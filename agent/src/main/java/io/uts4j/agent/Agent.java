package io.uts4j.agent;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.instrument.Instrumenter;
import io.uts4j.bootstrap.Dispatcher;
import java.lang.instrument.Instrumentation;

/** The isolated agent's entry: validate everything first, then install; never half-configured. */
public final class Agent {
    /** Exit status for a configuration that cannot be used. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when the agent cannot do its job at all. */
    public static final int EXIT_FAILED = 3;

    private Agent() {}

    public static void start(String args, Instrumentation inst, boolean dynamic) {
        AgentConfig config;
        try {
            config = AgentConfig.parse(args);
        } catch (ConfigException e) {
            System.err.println("uts4j: invalid configuration: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        }
        try {
            // The real environment is captured before System.getenv is advised.
            Dispatcher.install(Tenants.table(config.tenants()), System.getenv());
            Instrumenter.install(inst);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("uts4j: cannot instrument this JVM (" + System.getProperty("java.vm.name") + " "
                    + Runtime.version() + "): " + e.getMessage());
            System.exit(EXIT_FAILED);
        }
    }
}
