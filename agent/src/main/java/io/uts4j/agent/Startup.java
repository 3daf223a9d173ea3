package io.uts4j.agent;

import io.uts4j.agent.boot.Bootstrap;
import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.jmx.JmxExporter;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.agent.tenants.AgentServices;
import io.uts4j.agent.tenants.DeferredKernel;
import io.uts4j.agent.tenants.Resolvers;
import io.uts4j.agent.tenants.TenantRegistry;
import io.uts4j.agent.weave.Instrumenter;
import io.uts4j.kernel.KernelSupport;
import java.lang.instrument.Instrumentation;
import java.util.function.BiFunction;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenants;

/** The agent's start once its bootstrap exists: configuration, namespaces, tenants, weaving, JMX. */
final class Startup {
    private Startup() {}

    static void run(String args, Instrumentation inst, boolean dynamic) throws Failure {
        long t0 = System.nanoTime();
        if (Uts4jInstall.started()) {
            // A second -javaagent, or an attach on top of a running agent: the first one stays in charge.
            throw new Failure(0, "refused: uts4j is already running in this JVM; the configuration given now was ignored");
        }
        AgentConfig config;
        KernelSetup.Outcome kernel;
        BiFunction<Thread, ClassLoader, String> resolver;
        boolean decided;
        try {
            config = AgentConfig.parse(args);
            resolver = Resolvers.of(config.resolver());
            // Wait for namespaces only where their outcome decides whether the JVM may start.
            decided = KernelSetup.decidesStart(config.kernel(), config.tenants());
            // Before the application's main nothing else of this JVM can be loading JNA: a quicker load.
            if (decided && !dynamic) KernelSupport.loadAlone();
            kernel = decided ? KernelSetup.open(config.kernel(), config.tenants()) : KernelSetup.Outcome.NONE;
        } catch (ConfigException e) {
            throw new Failure(Agent.EXIT_BAD_CONFIG, "invalid configuration: " + e.getMessage());
        } catch (KernelSetup.Unavailable e) {
            throw new Failure(Agent.EXIT_FAILED, e.getMessage());
        }
        if (kernel.notice() != null) System.err.println("uts4j: " + kernel.notice());
        boolean deferred = !decided && KernelSetup.wanted(config.kernel(), config.tenants());
        TenantRegistry registry = new TenantRegistry(config, resolver);
        Instrumenter.Installed woven;
        long t1;
        try {
            // Before any namespace thread exists: it must be born in the host's namespace.
            if (deferred || !kernel.namespaces().isEmpty()) Uts4jInstall.startHostThreadStarter();
            Uts4jTenants table = registry.start(kernel, deferred);
            Uts4jInstall.install(table, new AgentServices(registry), config.propagate());
            Bootstrap.publishBridge(Uts4jInstall.newBridge());
            t1 = System.nanoTime();
            woven = Instrumenter.install(inst, config.propagate());
        } catch (Exception | LinkageError e) {
            Uts4jInstall.uninstall(); // whatever was woven answers as the JDK again
            throw new Failure(Agent.EXIT_FAILED, "cannot instrument this JVM (" + Agent.jvm() + "): " + e.getMessage());
        }
        long t2 = System.nanoTime();
        if (deferred) DeferredKernel.start(config, registry);
        String version = Version.of();
        JmxExporter jmx = new JmxExporter(version, registry, woven.methods());
        registry.listen(jmx);
        jmx.startWhenReady(inst);
        String mode = deferred ? "namespaces being created" : kernel.notice() != null ? "unavailable"
                : kernel.namespaces().isEmpty() ? "no namespaces" : kernel.namespaces().size() + " namespaces";
        System.err.println(StartupLine.of(version, config, registry.all(), mode));
        if (config.debug()) {
            System.err.println("uts4j: debug: configuration, bootstrap and namespaces " + (t1 - t0) / 1000
                    + " us; weaving " + (t2 - t1) / 1000 + " us (" + woven.retransformed()
                    + " loaded classes retransformed, the others woven as they load); methods " + woven.methods()
                    + (dynamic ? "; attached to a running JVM" : ""));
            System.err.println(StartupLine.all(registry.all()));
        }
    }

}
