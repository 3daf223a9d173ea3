package io.uts4j.agent;

import io.uts4j.TenantResolver;
import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.instrument.Instrumenter;
import io.uts4j.agent.jmx.JmxExporter;
import io.uts4j.agent.kernel.DeferredKernel;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.bootstrap.Dispatcher;
import io.uts4j.bootstrap.HostThreadStarter;
import io.uts4j.bootstrap.TenantTable;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * The isolated agent's entry: validate everything and open the namespaces that decide the start
 * first, then install; never half-configured. At JVM start a failure exits before main; attached
 * to a running JVM, it is reported to the attacher instead, and the JVM goes on untouched.
 */
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
        TenantResolver resolver;
        boolean decidesStart;
        try {
            config = AgentConfig.parse(args);
            resolver = ResolverLoader.of(config.resolver());
            // Wait for namespaces only where their outcome decides whether the JVM may start.
            decidesStart = KernelSetup.decidesStart(config);
            kernel = decidesStart ? KernelSetup.open(config) : KernelSetup.Outcome.NONE;
        } catch (ConfigException e) {
            fail(dynamic, EXIT_BAD_CONFIG, "invalid configuration: " + e.getMessage());
            return;
        } catch (KernelSetup.Unavailable e) {
            fail(dynamic, EXIT_FAILED, e.getMessage());
            return;
        }
        if (kernel.notice() != null) System.err.println("uts4j: " + kernel.notice());
        try {
            boolean deferred = !decidesStart && KernelSetup.wanted(config);
            // Before any namespace thread exists: it must be born in the host's namespace.
            if (deferred || !kernel.namespaces().isEmpty()) HostThreadStarter.startFromHost();
            TenantRegistry registry = new TenantRegistry(config, resolver);
            TenantTable table = registry.start(kernel);
            if (deferred) DeferredKernel.start(config, table);
            // The real environment is captured before System.getenv is advised.
            Dispatcher.install(table, System.getenv());
            Dispatcher.setAdmin(registry);
            long t1 = System.nanoTime();
            Path cache = CacheLocation.of(config);
            Instrumenter.Installed done = Instrumenter.install(inst, cache, CacheLocation.agentJar());
            long t2 = System.nanoTime();

            String version = Version.of();
            JmxExporter jmx = new JmxExporter(version, config.kernel() == KernelMode.OFF, registry, registry,
                    done.methods());
            registry.listen(jmx);
            jmx.startWhenReady(inst);
            String mode = deferred ? "namespaces being created" : kernel.notice() != null ? "unavailable"
                    : kernel.namespaces().isEmpty() ? "no namespaces" : "namespaces " + kernel.namespaces().keySet();
            System.err.println(StartupLine.of(version, config, registry.tenants(), mode, done.methods()));
            if (config.debug()) {
                System.err.println("uts4j: debug: configuration and namespaces " + (t1 - t0) / 1000
                        + " us; instrumentation " + (t2 - t1) / 1000 + " us (" + done.fromCache()
                        + " classes from cache " + cache + ", " + done.woven() + " woven); methods " + done.methods()
                        + (dynamic ? "; attached to a running JVM" : ""));
            }
        } catch (RuntimeException | LinkageError e) {
            fail(dynamic, EXIT_FAILED, "cannot instrument this JVM (" + System.getProperty("java.vm.name") + " "
                    + Runtime.version() + "): " + e.getMessage());
        }
    }

    private static void fail(boolean dynamic, int status, String message) {
        if (dynamic) throw new IllegalArgumentException("uts4j: " + message); // the attacher sees it
        System.err.println("uts4j: " + message);
        System.exit(status);
    }
}
