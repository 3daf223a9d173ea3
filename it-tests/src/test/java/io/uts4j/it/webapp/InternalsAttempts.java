package io.uts4j.it.webapp;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BiFunction;
import javax.management.ObjectName;

/**
 * Tenant code reaching for the agent's own classes: the bootstrap inside java.base (which loads,
 * but whose every member is out of reach), the package-private launcher on the class path, and
 * the isolated part — through any class loader a public route hands out, or the launcher hands
 * out to deep reflection — whose public classes would build and install a tenant table of the
 * caller's choosing.
 */
final class InternalsAttempts {
    static final List<String> ROUTES = List.of("hidden.installInvoke", "hidden.installSetAccessible",
            "hidden.bridgeConstructor", "hidden.dispatcherField", "hidden.tenantConstructor", "hidden.concurrentExec",
            "hidden.launcherInvoke", "hidden.isolatedClass", "hidden.mbeanClassLoaders", "hidden.threadContextLoaders",
            "hidden.launcherIsolatedLoader");
    /** A public class of the agent's isolated part, which replaces the whole tenant table when started. */
    private static final String REGISTRY = "io.uts4j.agent.tenants.TenantRegistry";

    private InternalsAttempts() {}

    static Object attempt(String route, String other) throws Exception {
        switch (route) {
            case "hidden.installInvoke":
                return Class.forName("jdk.internal.misc.Uts4jInstall").getMethod("uninstall").invoke(null);
            case "hidden.installSetAccessible":
                Class.forName("jdk.internal.misc.Uts4jInstall").getMethod("uninstall").setAccessible(true);
                return "accessible";
            case "hidden.bridgeConstructor":
                return Class.forName("jdk.internal.misc.Uts4jBridge").getDeclaredConstructor().newInstance();
            case "hidden.dispatcherField":
                Class.forName("jdk.internal.misc.Uts4jDispatcher").getDeclaredField("table").setAccessible(true);
                return "accessible";
            case "hidden.tenantConstructor": {
                Constructor<?> c = Class.forName("jdk.internal.misc.Uts4jTenant").getConstructors()[0];
                return c.newInstance(defaults(c.getParameterTypes()));
            }
            case "hidden.concurrentExec":
                Class.forName("java.util.concurrent.Uts4jConcurrent").getDeclaredMethod("exec", ForkJoinTask.class)
                        .setAccessible(true);
                return "accessible";
            case "hidden.launcherInvoke":
                return ClassLoader.getSystemClassLoader().loadClass("io.uts4j.launch.AgentLauncher")
                        .getDeclaredMethod("agentmain", String.class, Instrumentation.class)
                        .invoke(null, "tenant." + other + ".hostname=evil", null);
            case "hidden.isolatedClass":
                return ClassLoader.getSystemClassLoader().loadClass(REGISTRY);
            case "hidden.mbeanClassLoaders": {
                Set<ClassLoader> loaders = new LinkedHashSet<>();
                for (ObjectName n : AdminAttempts.jmx().queryNames(new ObjectName("io.uts4j:*"), null)) {
                    loaders.add(AdminAttempts.jmx().getClassLoaderFor(n));
                }
                return replaceTablesThroughAny(loaders, other);
            }
            case "hidden.threadContextLoaders": {
                Set<ClassLoader> loaders = new LinkedHashSet<>();
                for (Thread t : Thread.getAllStackTraces().keySet()) loaders.add(t.getContextClassLoader());
                return replaceTablesThroughAny(loaders, other);
            }
            case "hidden.launcherIsolatedLoader": {
                // Deep reflection on the launcher: the class path's unnamed module is open to anyone.
                Method m = ClassLoader.getSystemClassLoader().loadClass("io.uts4j.launch.AgentJar")
                        .getDeclaredMethod("isolatedLoader");
                m.setAccessible(true);
                return replaceTablesThroughAny(Set.of((ClassLoader) m.invoke(null)), other);
            }
            default:
                throw new IllegalArgumentException("no route " + route);
        }
    }

    /**
     * With the first loader that has the isolated part, parses a configuration that renames the
     * other tenant, and starts a registry on it: that installs its table for the whole JVM.
     */
    private static Object replaceTablesThroughAny(Set<ClassLoader> loaders, String other) throws Exception {
        List<String> seen = new ArrayList<>();
        for (ClassLoader l : loaders) {
            seen.add(String.valueOf(l));
            Class<?> registry;
            try {
                registry = Class.forName(REGISTRY, true, l);
            } catch (ClassNotFoundException e) {
                continue;
            }
            Object config = Class.forName("io.uts4j.agent.config.ConfigParser", true, l).getMethod("parse", String.class)
                    .invoke(null, "kernel=off,tenant." + other + ".hostname=evil,tenant." + other + ".threads=" + other + "-.*");
            Class<?> outcome = Class.forName("io.uts4j.agent.kernel.KernelSetup$Outcome", true, l);
            Object started = registry.getConstructor(config.getClass(), BiFunction.class).newInstance(config, null);
            registry.getMethod("start", outcome, boolean.class).invoke(started, outcome.getField("NONE").get(null), false);
            return "replaced the tenant table through " + l;
        }
        throw new ClassNotFoundException("none of the loaders found " + seen + " has uts4j's isolated part");
    }

    private static Object[] defaults(Class<?>[] types) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == boolean.class) args[i] = false;
            else if (types[i].isPrimitive()) args[i] = 0;
        }
        return args;
    }
}
