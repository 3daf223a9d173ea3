package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.JettyLoaderReport;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Jetty 12's ee10 web application class loader exposes to a loader rule: its name, which is the
 * web application's display name, or its context path when it has none. A rule on it binds the work
 * Jetty runs in the web application's scope. (Tomcat gets the full treatment in TomcatTenantsTest.)
 */
class JettyLoaderTest {
    /** Java-level identity is enough here: the binding is what is checked. */
    static final String AGENT_ARGS = "kernel=off,tenant.shop.hostname=shop-1,tenant.shop.loader=/shop,"
            + "tenant.blog.hostname=blog-1,tenant.blog.loader=Blog";

    @Test
    void jettysWebApplicationLoaderIsNamedAfterItsDisplayNameOrContextPathAndARuleOnItBinds(@TempDir Path war)
            throws Exception {
        Files.createDirectories(war.resolve("WEB-INF"));
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent(AGENT_ARGS).classpath(jettyClasspath())
                .run(JettyLoaderReport.class, war.toString(), "/shop", "/blog=Blog", "/plain").assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        String host = InetAddress.getLocalHost().getHostName();

        assertThat(report.get("/shop")).as(r.toString())
                .containsEntry("loader.class", "org.eclipse.jetty.ee.webapp.WebAppClassLoader")
                .containsEntry("loader.getName", "/shop").containsEntry("scoped.isContextLoader", "true")
                .containsEntry("scoped.localHost.name", "shop-1");
        assertThat(report.get("/shop").get("loader.toString")).matches("oejew\\.WebAppClassLoader\\{/shop}@\\p{XDigit}+");
        assertThat(report.get("/blog")).as(r.toString()).containsEntry("loader.getName", "Blog")
                .containsEntry("scoped.localHost.name", "blog-1");
        assertThat(report.get("/plain")).as(r.toString()).containsEntry("loader.getName", "/plain")
                .containsEntry("scoped.localHost.name", host);
        assertThat(report.get("main")).containsEntry("localHost.name", host);
    }

    /** Jetty and its servlet API only: neither Tomcat nor a logging library. */
    private static String jettyClasspath() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("uts4j.jettyLibs")))) {
            return jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator))
                    + File.pathSeparator + System.getProperty("uts4j.testClasses");
        }
    }
}
