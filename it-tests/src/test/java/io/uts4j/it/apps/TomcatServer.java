package io.uts4j.it.apps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat hosting web applications, each from its own docBase with its own class loader.
 * Arguments: Tomcat's base directory, then {@code contextPath=docBase} pairs. Listens on a free
 * loopback port, prints it with what the server's own main thread sees, and stops when its standard
 * input closes.
 */
public final class TomcatServer {
    public static void main(String[] args) throws Exception {
        ServerPools.SHARED.submit(() -> { }).get(); // the host makes the pool it lends, before any web application runs
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.setAddDefaultWebXmlToWebapp(false); // no default or JSP servlet: each web.xml says it all
        for (int i = 1; i < args.length; i++) {
            String[] pathAndDocBase = args[i].split("=", 2);
            tomcat.addWebapp(pathAndDocBase[0], pathAndDocBase[1]);
        }
        tomcat.start();

        Map<String, String> m = new LinkedHashMap<>(Report.identity());
        m.put("child.hostname", Children.run("hostname"));
        m.put("port", String.valueOf(tomcat.getConnector().getLocalPort()));
        Report.print("server", m);

        while (System.in.read() != -1) {
            // wait for the test to close our standard input
        }
        tomcat.stop();
        tomcat.destroy();
    }
}
