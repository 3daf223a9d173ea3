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
        long t0 = System.nanoTime();
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
            long t1 = System.nanoTime();
            java.nio.file.Path cache = CacheLocation.of(config);
            Instrumenter.Installed done = Instrumenter.install(inst, cache, CacheLocation.agentJar());
            long t2 = System.nanoTime();
            if (config.debug()) {
                System.err.println("uts4j: debug: configuration " + (t1 - t0) / 1000 + " us; instrumentation "
                        + (t2 - t1) / 1000 + " us (" + done.fromCache() + " classes from cache " + cache + ", "
                        + done.woven() + " woven); methods " + done.methods());
            }
        } catch (RuntimeException | LinkageError e) {
            System.err.println("uts4j: cannot instrument this JVM (" + System.getProperty("java.vm.name") + " "
                    + Runtime.version() + "): " + e.getMessage());
            System.exit(EXIT_FAILED);
        }
    }
}
