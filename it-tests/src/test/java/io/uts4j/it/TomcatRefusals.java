package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.Uts4j;
import io.uts4j.it.apps.TomcatHostServer;
import io.uts4j.it.webapp.TenantAttempts;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An embedded Tomcat 11 whose main holds the host's capability: /shop and /blog are tenants by a
 * loader rule; /news is deployed while the server runs, and the server's deploy listener makes it a
 * tenant. The shop's servlet tries every route to act as blog or to administer uts4j, over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TomcatRefusals {
    /** The JDK the server runs on. */
    abstract Jdk jdk();

    static final String AGENT_ARGS = String.join(",", "tenant.shop.hostname=shop-1", "tenant.shop.loader=shop",
            "tenant.blog.hostname=blog-1", "tenant.blog.loader=blog");

    ForkedServer server;
    HttpClient client;
    int port;
    Map<String, String> attempts;

    @BeforeAll
    void startTomcat() throws Exception {
        Kernel.assumeAvailable();
        Path root = Path.of(System.getProperty("uts4j.webapps")).resolve("refusals");
        String[] args = {root.resolve("tomcat-base").toString(), "/news=" + WebappLayout.create(root, "news"),
                "/shop=" + WebappLayout.create(root, "shop"), "/blog=" + WebappLayout.create(root, "blog")};
        String classpath = WebappLayout.serverClasspath() + File.pathSeparator
                + Path.of(Uts4j.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        server = ForkedServer.start(ForkedJvm.on(jdk()).agent(AGENT_ARGS).classpath(classpath),
                TomcatHostServer.class, args);
        Map<String, String> started = server.awaitReport("server", 60);
        assertThat(started).as(server.toString()).containsEntry("jmx", "true");
        port = Integer.parseInt(started.get("port"));
        assertThat(server.awaitReport("deployed", 60)).as(server.toString()).containsEntry("tenants", "shop,blog,news");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        attempts = get("/shop/attempts?other=blog");
    }

    @AfterAll
    void stopTomcat() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void theServletIsRefusedTheHostsCapabilityOnEveryKindOfThread() {
        // The server took it first, as a host should: each attempt is refused, and counted.
        List<String> routes = new ArrayList<>(TenantAttempts.CAPABILITY);
        if (jdk().feature() < 21) routes.remove("control.virtualThreadNoInherit");
        assertRefusedAndCounted(routes, "Uts4j.control() was called before");
    }

    @Test
    void theServletIsRefusedScopesAndNamespaceOfAnotherApplication() {
        assertRefusedAndCounted(TenantAttempts.SCOPE.subList(0, TenantAttempts.SCOPE.indexOf("api.control")),
                "(\"blog\") from thread '", "of tenant 'shop'");
    }

    @Test
    void theServletIsRefusedAdministrationThroughJmxAndTheBridge() {
        assertRefusedAndCounted(TenantAttempts.ADMIN.subList(0, TenantAttempts.ADMIN.indexOf("bridge.issuedField")));
    }

    @Test
    void theServletReachesNoneOfTheAgentsInternals() {
        for (String route : TenantAttempts.INTERNALS) {
            assertThat(attempts.get(route)).as(route + "\n" + attempts)
                    .matches("ERR:(IllegalAccessException|IllegalAccessError|InaccessibleObjectException|ClassNotFoundException):.*");
        }
    }

    @Test
    void theServletStillUsesTheApiForItsOwnTenant() {
        for (String route : TenantAttempts.OWN) {
            assertThat(attempts.get(route)).as(route + "\n" + attempts).startsWith("ok:").doesNotContain("blog");
        }
        assertThat(attempts).containsEntry("own.callInNamespace", "ok:shop shop-1");
    }

    @Test
    void theServletsOwnIdentityIsUnchangedAfterwards() throws Exception {
        assertThat(attempts).containsEntry("sees.before", "ok:shop shop-1").containsEntry("sees.after", "ok:shop shop-1");
        assertThat(get("/shop/")).containsEntry("localHost.name", "shop-1").containsEntry("child.hostname", "shop-1");
    }

    @Test
    void theOtherApplicationIsUnchanged() throws Exception {
        assertThat(get("/blog/")).containsEntry("localHost.name", "blog-1").containsEntry("child.hostname", "blog-1");
    }

    @Test
    void anApplicationDeployedAtRunTimeSeesTheTenantTheServerAddedForIt() throws Exception {
        assertThat(get("/news/")).containsEntry("localHost.name", "news-1").containsEntry("child.hostname", "news-1")
                .containsEntry("init.localHost.name", "news-1");
    }

    private void assertRefusedAndCounted(List<String> routes, String... saying) {
        for (String route : routes) {
            assertThat(attempts.get(route)).as(route + "\n" + attempts).startsWith("refused:uts4j: refused: ");
            for (String s : saying) assertThat(attempts.get(route)).as(route).contains(s);
            assertThat(attempts.get(route + ".counted")).as(route + ": counted once\n" + attempts).isEqualTo("1");
        }
    }

    Map<String, String> get(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body() + "\n" + server).isEqualTo(200);
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            int eq = line.indexOf('=');
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }
}
