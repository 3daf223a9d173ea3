package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
import io.uts4j.it.webapp.Outcome;
import io.uts4j.it.webapp.TenantAttempts;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Tenant a's code tries every route to act as tenant b, to unbind itself or to administer uts4j
 * ({@link TenantAttempts}), one route at a time on a fresh thread of a's; after each, the host reads
 * how many operations uts4j refused and whether anything about b changed ({@link TenantWatch}).
 * The capability routes come first, while the host has not taken its capability yet; then the host
 * takes it and shows what it can still do.
 *
 * <p>Argument: how a's threads are bound — {@code name} (threads named a-N; a's code on the class
 * path) or {@code loader} (threads whose context class loader is a's; a's code loaded by that
 * loader, as a web application's is). Then the route names, in order; {@code host} marks where
 * the host takes its capability. Each route prints {@code @<route>\toutcome=..\tcounted=..\tb=..}.
 */
public final class TenantRoutes {
    static final String A = "a";
    static final String B = "b";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName agent;
    private final boolean byLoader;
    private final ClassLoader aLoader = tenantLoader("tenant-a");
    private final ClassLoader bLoader = tenantLoader("tenant-b");
    private int threads;

    private TenantRoutes(boolean byLoader) throws Exception {
        this.byLoader = byLoader;
        this.agent = new ObjectName("io.uts4j:type=Agent");
    }

    public static void main(String[] args) throws Exception {
        TenantRoutes routes = new TenantRoutes(args[0].equals("loader"));
        routes.awaitJmx();
        try (Worker bResident = new Worker(B + "-resident", routes.bLoader)) {
            TenantWatch b = new TenantWatch(routes.server, B, bResident, routes.bLoader);
            String baseline = b.snapshot();
            Report.print("b.baseline", Map.of("snapshot", baseline));
            Report.print("a.baseline", Map.of("sees", routes.onAThread("whoAmI")));
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("host")) {
                    Report.print("host", routes.hostPowers());
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                long before = routes.refusals();
                m.put("outcome", routes.onAThread(args[i]));
                m.put("counted", String.valueOf(routes.refusals() - before));
                String now = b.snapshot();
                m.put("b", now.equals(baseline) ? "unchanged" : now);
                Report.print(args[i], m);
            }
        }
    }

    /** Runs one route of a's code on a fresh thread bound to a. */
    private String onAThread(String route) throws Exception {
        try (Worker a = aWorker()) {
            return a.call(() -> attempt(route));
        }
    }

    /** A fresh thread bound to a: by its name, or by its context class loader. */
    private Worker aWorker() {
        return byLoader ? new Worker("worker-" + ++threads, aLoader) : new Worker(A + "-" + ++threads, null);
    }

    /** Runs a's code for one route on the calling thread: a's own copy of it, where a has a loader. */
    private String attempt(String route) throws Exception {
        Class<?> code = Class.forName(TenantAttempts.class.getName(), true,
                byLoader ? aLoader : ClassLoader.getSystemClassLoader());
        return (String) code.getMethod("attempt", String.class, String.class).invoke(null, route, B);
    }

    private long refusals() throws Exception {
        return (Long) server.getAttribute(agent, "RefusedOperations");
    }

    /**
     * uts4j registers its beans once someone has made the platform MBean server (the host did,
     * above); and b's namespace, made while main starts, must be there before b's state is taken.
     */
    private void awaitJmx() throws Exception {
        for (int i = 0; i < 300 && !server.isRegistered(agent); i++) Thread.sleep(100);
        if (!server.isRegistered(agent)) throw new IllegalStateException("uts4j's JMX bean never came");
        for (int i = 0; i < 300 && "starting".equals(server.getAttribute(agent, "KernelMode")); i++) Thread.sleep(100);
        if ("starting".equals(server.getAttribute(agent, "KernelMode"))) {
            throw new IllegalStateException("uts4j's namespaces never came");
        }
    }

    /**
     * A tenant's class loader, as a server makes one per web application: its own copy of the test
     * classes (a's code) and of uts4j-api, under the platform loader, named for a loader rule.
     */
    static ClassLoader tenantLoader(String name) {
        List<URL> urls = new ArrayList<>();
        urls.add(TenantAttempts.class.getProtectionDomain().getCodeSource().getLocation());
        urls.add(Uts4j.class.getProtectionDomain().getCodeSource().getLocation());
        return new URLClassLoader(name, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** What the host can do once it holds the capability, and what host code can do without it. */
    private Map<String, String> hostPowers() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        Uts4jControl[] control = new Uts4jControl[1];
        m.put("control", Outcome.of(() -> control[0] = Uts4j.control()));
        m.put("secondControl", Outcome.of(Uts4j::control));
        Uts4jControl c = control[0];
        if (c == null) return m;
        for (String t : c.tenants()) m.put("enter." + t, Outcome.of(() -> c.callAs(t, TenantWatch::sees)));
        try (Worker ofA = aWorker()) {
            m.put("enterHostOnAThreadOfA", Outcome.of(() -> ofA.call(() -> {
                try (var host = c.enterHost()) {
                    return TenantWatch.sees();
                }
            })));
        }
        m.put("callInNamespace." + B, Outcome.of(() -> c.callInNamespace(B, () -> Children.run("hostname"))));
        m.put("addTenant", Outcome.of(() -> {
            c.addTenant("c", Map.of("hostname", "c-1", "threads", "c-.*"));
            try (Worker ofC = new Worker("c-1", null)) {
                return ofC.call(TenantWatch::sees) + " child " + ofC.call(() -> Children.run("hostname"));
            }
        }));
        m.put("removeTenant", Outcome.of(() -> {
            c.removeTenant("c");
            return String.join(",", c.tenants());
        }));
        String[] sig = {String.class.getName(), String.class.getName()};
        m.put("jmx.addTenant", Outcome.of(() -> {
            server.invoke(agent, "addTenant", new Object[] {"d", "hostname=d-1,threads=d-.*"}, sig);
            return String.join(",", (String[]) server.getAttribute(agent, "Tenants"));
        }));
        m.put("jmx.removeTenant", Outcome.of(() -> {
            server.invoke(agent, "removeTenant", new Object[] {"d"}, new String[] {String.class.getName()});
            return String.join(",", (String[]) server.getAttribute(agent, "Tenants"));
        }));
        m.put("movesAThreadATenantFroze", Outcome.of(this::movesAThreadATenantFroze));
        m.put("renamesAHostThread", Outcome.of(() -> {
            try (Worker host = new Worker("host-r", null)) {
                String renamedItself = host.call(() -> {
                    Thread.currentThread().setName(B + "-8");
                    return TenantWatch.sees();
                });
                host.thread().setName("host-r"); // by main: on the renamed thread, b's code could not undo it
                return renamedItself + "|" + host.call(TenantWatch::sees);
            }
        }));
        return m;
    }

    /**
     * a's code renames its thread after b (the thread stays a's); then host code gives that thread
     * b's name and loader (it moves to b), and gives it back its own (it is a's again).
     */
    private String movesAThreadATenantFroze() throws Exception {
        try (Worker ofA = aWorker()) {
            Thread t = ofA.thread();
            String name = t.getName();
            ClassLoader loader = t.getContextClassLoader();
            String byTenant = ofA.call(() -> attempt("rebind.renameToOther")).replaceFirst("^ok:", "");
            t.setName(B + "-9");
            t.setContextClassLoader(bLoader);
            String byHost = ofA.call(TenantWatch::sees);
            t.setName(name);
            t.setContextClassLoader(loader);
            return byTenant + "|" + byHost + "|" + ofA.call(TenantWatch::sees);
        }
    }
}
