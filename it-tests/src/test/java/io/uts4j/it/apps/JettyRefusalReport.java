package io.uts4j.it.apps;

import io.uts4j.it.webapp.TenantAttempts;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * A Jetty 12 server (no connector) whose main takes the host's capability first, with ee10 web
 * applications from one web application directory that holds the tenant code (WEB-INF/classes).
 * Arguments: that directory, the other tenant's id, then the context paths. In each application's
 * scope, as Jetty runs a request, the application's own copy of {@link TenantAttempts} tries every
 * route against the other tenant; prints {@code @<contextPath>} with each outcome and count.
 */
public final class JettyRefusalReport {
    public static void main(String[] args) throws Exception {
        Host.control();
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer(); // uts4j registers once it exists
        ObjectName agent = new ObjectName("io.uts4j:type=Agent");
        for (int i = 0; i < 300 && !jmx.isRegistered(agent); i++) Thread.sleep(100);
        Server server = new Server();
        Handler.Sequence contexts = new Handler.Sequence();
        for (int i = 2; i < args.length; i++) contexts.addHandler(new WebAppContext(args[0], args[i]));
        server.setHandler(contexts);
        server.start();
        try {
            List<String> routes = new ArrayList<>(TenantAttempts.CAPABILITY);
            routes.addAll(TenantAttempts.SCOPE);
            routes.addAll(TenantAttempts.ADMIN);
            routes.addAll(TenantAttempts.INTERNALS);
            for (WebAppContext webapp : contexts.getDescendants(WebAppContext.class)) {
                Map<String, String> m = new LinkedHashMap<>();
                Throwable[] failure = new Throwable[1];
                webapp.getContext().run(() -> {
                    try {
                        Class<?> code = webapp.getClassLoader().loadClass(TenantAttempts.class.getName());
                        var attempt = code.getMethod("attempt", String.class, String.class);
                        m.put("code.loader", String.valueOf(code.getClassLoader() == webapp.getClassLoader()));
                        m.put("sees.before", (String) attempt.invoke(null, "whoAmI", args[1]));
                        for (String route : routes) {
                            long before = (Long) jmx.getAttribute(agent, "RefusedOperations");
                            m.put(route, (String) attempt.invoke(null, route, args[1]));
                            m.put(route + ".counted", String.valueOf((Long) jmx.getAttribute(agent, "RefusedOperations") - before));
                        }
                        m.put("sees.after", (String) attempt.invoke(null, "whoAmI", args[1]));
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                });
                if (failure[0] != null) throw new IllegalStateException(webapp.getContextPath(), failure[0]);
                Report.print(webapp.getContextPath(), m);
            }
        } finally {
            server.stop();
        }
    }
}
