package io.uts4j.agent.jmx;

import io.uts4j.agent.tenants.TenantListener;
import io.uts4j.agent.tenants.TenantRegistry;
import io.uts4j.agent.tenants.TenantRuntime;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers the agent's MXBeans in the platform MBean server, but never creates that server
 * itself early: servers that configure JMX or logging themselves (a custom MBeanServerBuilder, a log
 * manager) break if it exists before they start. A daemon thread waits until someone else has
 * made it (the application, or a JMX client attaching), then registers.
 *
 * <p>Each bean is registered wrapped in a JDK {@link StandardMBean}: the MBean server tells anyone
 * the class loader of a bean's class ({@code MBeanServer.getClassLoaderFor}), and the agent's own
 * loader would hand any code the isolated part's public classes, which install tenant tables.
 */
public final class JmxExporter implements TenantListener {
    private static final long POLL_MILLIS = 1000;
    private static final long FIRST_LOOK_MILLIS = 200;
    private final AgentInfo agent;
    private final TenantRegistry tenants;
    private volatile MBeanServer server;

    public JmxExporter(String version, TenantRegistry tenants, List<String> methods) {
        this.agent = new AgentInfo(version, tenants, methods);
        this.tenants = tenants;
    }

    /** Starts waiting for the platform MBean server; returns at once. */
    public void startWhenReady(Instrumentation inst) {
        Thread t = new Thread(null, new Runnable() { // not a lambda: this runs in premain (see Instrumenter)
            @Override
            public void run() {
                // On this thread, nothing of JMX in premain; and only once the JVM's start is over, so
                // that loading java.management never competes with the application's start for a CPU.
                try {
                    Thread.sleep(FIRST_LOOK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                waitThenRegister(platformServerField(inst));
            }
        }, "uts4j-jmx", 0, false);
        t.setDaemon(true);
        t.start();
    }

    private void waitThenRegister(Field field) {
        try {
            while (field != null && field.get(null) == null) Thread.sleep(POLL_MILLIS);
            if (field == null) Thread.sleep(30_000); // cannot tell: give the application a head start
            MBeanServer s = ManagementFactory.getPlatformMBeanServer();
            s.registerMBean(new StandardMBean(agent, AgentMXBean.class, true), new ObjectName("io.uts4j:type=Agent"));
            server = s;
            for (TenantRuntime t : tenants.all()) added(t);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("uts4j: cannot register JMX beans: " + e);
        }
    }

    /** For tenants added at run time. */
    @Override
    public synchronized void added(TenantRuntime t) {
        MBeanServer s = server;
        if (s == null) return; // registered with the others once the server exists
        try {
            ObjectName name = name(t.id());
            if (!s.isRegistered(name)) s.registerMBean(new StandardMBean(new TenantInfo(t), TenantMXBean.class, true), name);
        } catch (Exception e) {
            System.err.println("uts4j: cannot register JMX bean of tenant " + t.id() + ": " + e);
        }
    }

    @Override
    public synchronized void removed(String id) {
        MBeanServer s = server;
        if (s == null) return;
        try {
            if (s.isRegistered(name(id))) s.unregisterMBean(name(id));
        } catch (Exception e) {
            System.err.println("uts4j: cannot unregister JMX bean of tenant " + id + ": " + e);
        }
    }

    private static ObjectName name(String id) throws Exception {
        return new ObjectName("io.uts4j:type=Tenant,name=" + ObjectName.quote(id));
    }

    /** ManagementFactory's own reference to the server: non-null once anyone has created it. */
    private static Field platformServerField(Instrumentation inst) {
        try {
            Module management = ManagementFactory.class.getModule();
            inst.redefineModule(management, Set.of(), Map.of(),
                    Map.of("java.lang.management", Set.of(JmxExporter.class.getModule())), Set.of(), Map.of());
            Field f = ManagementFactory.class.getDeclaredField("platformMBeanServer");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
