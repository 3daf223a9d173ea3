package io.uts4j.agent;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.instrument.Instrumenter;
import io.uts4j.agent.kernel.DeferredKernel;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.bootstrap.Dispatcher;
import io.uts4j.bootstrap.HostThreadStarter;
import io.uts4j.bootstrap.TenantTable;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/** The isolated agent's entry: validate everything and open every namespace first, then install. */
public final class Agent {
    /** Exit status for a configuration that cannot be used. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when the agent cannot do its job (kernel mode required but unavailable, say). */
    public static final int EXIT_FAILED = 3;

    private Agent() {}

    public static void start(String args, Instrumentation inst, boolean dynamic) {
        long t0 = System.nanoTime();
        AgentConfig config;
        KernelSetup.Outcome kernel;
        io.uts4j.TenantResolver resolver;
        try {
            config = AgentConfig.parse(args);
            resolver = ResolverLoader.of(config.resolver());
            // Wait for namespaces only where their outcome decides whether the JVM may start.
            kernel = KernelSetup.decidesStart(config) ? KernelSetup.open(config) : KernelSetup.Outcome.NONE;
        } catch (ConfigException e) {
            fail(EXIT_BAD_CONFIG, "invalid configuration: " + e.getMessage());
            return;
        } catch (KernelSetup.Unavailable e) {
            fail(EXIT_FAILED, e.getMessage());
            return;
        }
        if (kernel.notice() != null) System.err.println("uts4j: " + kernel.notice());
        try {
            boolean deferred = !KernelSetup.decidesStart(config) && KernelSetup.wanted(config);
            // Before any namespace thread exists: it must be born in the host's namespace.
            if (deferred || !kernel.namespaces().isEmpty()) HostThreadStarter.startFromHost();
            TenantTable table = Tenants.table(config.tenants(), kernel, resolver);
            if (deferred) DeferredKernel.start(config, table);
            // The real environment is captured before System.getenv is advised.
            Dispatcher.install(table, System.getenv());
            long t1 = System.nanoTime();
            Path cache = CacheLocation.of(config);
            Instrumenter.Installed done = Instrumenter.install(inst, cache, CacheLocation.agentJar());
            long t2 = System.nanoTime();
            if (config.debug()) {
                System.err.println("uts4j: debug: configuration and namespaces " + (t1 - t0) / 1000
                        + " us; instrumentation " + (t2 - t1) / 1000 + " us (" + done.fromCache()
                        + " classes from cache " + cache + ", " + done.woven() + " woven); methods " + done.methods()
                        + (deferred ? "; namespaces being created in the background" : "; namespaces "
                        + kernel.namespaces().keySet()));
            }
        } catch (RuntimeException | LinkageError e) {
            fail(EXIT_FAILED, "cannot instrument this JVM (" + System.getProperty("java.vm.name") + " "
                    + Runtime.version() + "): " + e.getMessage());
        }
    }

    private static void fail(int status, String message) {
        System.err.println("uts4j: " + message);
        System.exit(status);
    }
}
