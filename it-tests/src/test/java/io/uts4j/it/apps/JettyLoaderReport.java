package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * A Jetty 12 server (no connector) with ee10 web applications from one empty web application
 * directory. Arguments: that directory, then {@code contextPath} or {@code contextPath=displayName}
 * (as a web.xml's display-name sets it). For each, prints what its class loader tells a loader rule
 * and what a task run in its scope, as Jetty runs a request, sees; then what main sees.
 */
public final class JettyLoaderReport {
    public static void main(String[] args) throws Exception {
        Server server = new Server();
        Handler.Sequence contexts = new Handler.Sequence();
        for (int i = 1; i < args.length; i++) {
            String[] pathAndName = args[i].split("=", 2);
            WebAppContext webapp = new WebAppContext(args[0], pathAndName[0]);
            if (pathAndName.length == 2) webapp.setDisplayName(pathAndName[1]);
            contexts.addHandler(webapp);
        }
        server.setHandler(contexts);
        server.start();
        try {
            for (WebAppContext webapp : contexts.getDescendants(WebAppContext.class)) {
                ClassLoader loader = webapp.getClassLoader();
                Map<String, String> m = new LinkedHashMap<>();
                m.put("loader.class", loader.getClass().getName());
                m.put("loader.getName", loader.getName());
                m.put("loader.toString", loader.toString().replaceAll("\\R", " | "));
                webapp.getContext().run(() -> {
                    m.put("scoped.isContextLoader", String.valueOf(Thread.currentThread().getContextClassLoader() == loader));
                    m.put("scoped.localHost.name", Report.get(() -> InetAddress.getLocalHost().getHostName()));
                });
                Report.print(webapp.getContextPath(), m);
            }
            Report.print("main", Map.of("localHost.name", Report.get(() -> InetAddress.getLocalHost().getHostName())));
        } finally {
            server.stop();
        }
    }
}
