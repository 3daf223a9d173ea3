package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat whose main is the host: it takes the host's capability first, before any web
 * application's code runs, then serves the web applications given, and once running deploys one
 * more whose tenant its deploy listener adds ({@link TenantOnDeploy}). Arguments: Tomcat's base
 * directory, the run-time application as {@code contextPath=docBase}, then the others the same
 * way. Prints {@code @server} (port) once uts4j's JMX bean is there, {@code @deployed} after the
 * late deployment, and stops when its standard input closes.
 */
public final class TomcatHostServer {
    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.setAddDefaultWebXmlToWebapp(false);
        for (int i = 2; i < args.length; i++) {
            String[] pathAndDocBase = args[i].split("=", 2);
            tomcat.addWebapp(pathAndDocBase[0], pathAndDocBase[1]);
        }
        tomcat.start();
        ObjectName agent = new ObjectName("io.uts4j:type=Agent");
        for (int i = 0; i < 300 && !ManagementFactory.getPlatformMBeanServer().isRegistered(agent); i++) Thread.sleep(100);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("port", String.valueOf(tomcat.getConnector().getLocalPort()));
        m.put("jmx", String.valueOf(ManagementFactory.getPlatformMBeanServer().isRegistered(agent)));
        Report.print("server", m);

        String[] late = args[1].split("=", 2);
        String tenant = late[0].substring(1);
        tomcat.addWebapp(tomcat.getHost(), late[0], late[1], new TenantOnDeploy(control, tenant));
        Report.print("deployed", Map.of("tenants", String.join(",", control.tenants())));

        while (System.in.read() != -1) {
            // wait for the test to close our standard input
        }
        tomcat.stop();
        tomcat.destroy();
    }
}
