package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.Uts4j;
import io.uts4j.it.apps.JettyRefusalReport;
import io.uts4j.it.webapp.TenantAttempts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In Jetty 12 (ee10), code of a web application bound to its tenant by a loader rule is refused
 * every route to another tenant or to uts4j's administration, and still sees its own tenant.
 * (Tomcat gets the full treatment, over HTTP, in TomcatRefusalsTest.)
 */
class JettyRefusalTest {
    static final String AGENT_ARGS = "kernel=off,tenant.shop.hostname=shop-1,tenant.shop.loader=/shop,"
            + "tenant.blog.hostname=blog-1,tenant.blog.loader=/blog";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void aWebApplicationsCodeIsRefusedEveryRouteToAnotherTenant(Jdk jdk, @TempDir Path war) throws Exception {
        copyTenantCode(war.resolve("WEB-INF/classes"));
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(AGENT_ARGS).classpath(jettyClasspath())
                .run(JettyRefusalReport.class, war.toString(), "blog", "/shop").assertSuccess();
        Map<String, String> shop = r.report().get("/shop");
        assertThat(shop).as(r.toString()).containsEntry("code.loader", "true")
                .containsEntry("sees.before", "ok:shop shop-1").containsEntry("sees.after", "ok:shop shop-1");

        List<String> refused = new ArrayList<>(TenantAttempts.CAPABILITY);
        if (jdk.feature() < 21) refused.remove("control.virtualThreadNoInherit");
        refused.addAll(TenantAttempts.SCOPE);
        refused.addAll(TenantAttempts.ADMIN);
        refused.remove("bridge.issuedField");
        for (String route : refused) {
            assertThat(shop.get(route)).as(route + "\n" + r).startsWith("refused:uts4j: refused: ");
            assertThat(shop.get(route + ".counted")).as(route).isEqualTo("1");
        }
        for (String route : TenantAttempts.INTERNALS) {
            assertThat(shop.get(route)).as(route + "\n" + r)
                    .matches("ERR:(IllegalAccessException|IllegalAccessError|InaccessibleObjectException|ClassNotFoundException):.*");
        }
    }

    /** The tenant code, as a web application ships it in WEB-INF/classes. */
    private static void copyTenantCode(Path classes) throws Exception {
        String pkg = TenantAttempts.class.getPackageName().replace('.', '/');
        Path from = Path.of(System.getProperty("uts4j.testClasses")).resolve(pkg);
        Path to = Files.createDirectories(classes.resolve(pkg));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** Jetty, its servlet API, the server main and uts4j-api: no Tomcat, no logging library. */
    private static String jettyClasspath() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("uts4j.jettyLibs")))) {
            return jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator))
                    + File.pathSeparator + System.getProperty("uts4j.testClasses") + File.pathSeparator
                    + Path.of(Uts4j.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
    }
}
