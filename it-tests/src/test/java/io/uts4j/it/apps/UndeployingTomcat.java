package io.uts4j.it.apps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat with one web application, {@code /shop}, which it undeploys when told (a line
 * {@code undeploy} on standard input): it removes the context, as a redeploy does, and then checks
 * that the application's class loader can be collected while the server runs on — its request
 * threads and its own pool's threads, which ran the application's code, alive. Arguments: Tomcat's
 * base directory, the application's docBase. Stops when standard input closes.
 */
public final class UndeployingTomcat {
    private static final int GC_ROUNDS = 100; // of System.gc() and 100 ms: 10 s at most

    public static void main(String[] args) throws Exception {
        ServerPool.start();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.setAddDefaultWebXmlToWebapp(false);
        tomcat.addWebapp("/shop", args[1]); // no reference kept: after the undeploy, nothing of ours holds it
        tomcat.start();
        Report.print("server", Map.of("port", String.valueOf(tomcat.getConnector().getLocalPort())));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("undeploy")) Report.print("undeployed", undeploy(tomcat));
        }
        tomcat.stop();
        tomcat.destroy();
    }

    private static Map<String, String> undeploy(Tomcat tomcat) throws InterruptedException {
        WeakReference<ClassLoader> loader = removeContext(tomcat, "/shop");
        int rounds = 0;
        while (loader.get() != null && rounds < GC_ROUNDS) {
            System.gc();
            Thread.sleep(100);
            rounds++;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("collected", String.valueOf(loader.get() == null));
        m.put("gcRounds", String.valueOf(rounds));
        m.put("contexts", String.valueOf(tomcat.getHost().findChildren().length));
        ClassLoader left = loader.get();
        if (left != null) { // what still points at it, as far as threads tell
            List<String> holders = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getContextClassLoader() == left) holders.add(t.getName());
            }
            m.put("contextLoaderOf", String.join(",", holders));
        }
        return m;
    }

    /** Stops and removes the context; returns its class loader, weakly, so that this does not hold it. */
    private static WeakReference<ClassLoader> removeContext(Tomcat tomcat, String path) {
        Container context = tomcat.getHost().findChild(path);
        WeakReference<ClassLoader> loader = new WeakReference<>(((Context) context).getLoader().getClassLoader());
        tomcat.getHost().removeChild(context);
        return loader;
    }
}
