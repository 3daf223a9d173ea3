package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.LoaderReleaseCheck;
import io.uts4j.it.apps.UndeployingTomcat;
import io.uts4j.it.webapp.LaunchingServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability (issue 12, row 4): no class loader leak. A real embedded Tomcat serves a web
 * application bound to a tenant by a loader rule (requests on the container's threads, child
 * processes, tasks on the server's own pool), then undeploys it; its class loader must be
 * collected while the server runs on. Before, uts4j's per-thread cache kept the last context
 * loader strongly; and on JDK 17 the tenant's namespace threads kept the context loader of the
 * thread that happened to make them.
 */
class ClassLoaderLeakTest {
    static final String SHOP = "kernel=required,tenant.shop.hostname=shop-1,tenant.shop.loader=shop";
    static final int REQUESTS = 40;

    static String host;

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
        host = Children.run("hostname");
    }

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void anUndeployedWebApplicationsLoaderIsCollected(Jdk jdk) throws Exception {
        serveThenUndeployAndCollect(ForkedJvm.on(jdk).agent(SHOP), "shop-1", jdk + " with the agent");
    }

    /**
     * The same server and application without the agent: what the test asks of uts4j, Tomcat does by
     * itself. On JDK 25: JDK 17's own process reaper threads are plain threads that keep the context
     * loader of the thread that first needed them (a request thread here), so there the application's
     * loader stays without the agent (later JDKs make them innocuous threads). With the agent, a
     * tenant's children are launched from its namespace threads, which make the reapers instead.
     */
    @Test
    void withoutTheAgentTheSameUndeployCollectsTheLoader() throws Exception {
        Jdk jdk = Jdk.jdk25();
        serveThenUndeployAndCollect(ForkedJvm.on(jdk), host, jdk + " without the agent");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void threadsThatRanATenantsCodeKeepNoStrongReferenceToItsLoader(Jdk jdk) {
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(SHOP).run(LoaderReleaseCheck.class).assertSuccess();
        Map<String, String> m = r.report().get("release");
        String both = "shop-1/shop-1"; // the JDK's answer, and the child's
        assertThat(m).as(r.toString()).containsEntry("bound", "shop").containsEntry("task.loader", "shop")
                .containsEntry("task.here", both).containsEntry("task.submitted", both)
                .containsEntry("task.async", both).containsEntry("task.inNamespace", both)
                .containsEntry("workerAlive", "true").containsEntry("poolThreads", "2")
                .containsEntry("collected", "true");
    }

    /** Serves requests that see {@code sees}, undeploys, and expects the application's loader collected. */
    private static void serveThenUndeployAndCollect(ForkedJvm jvm, String sees, String label) throws Exception {
        Path root = Path.of(System.getProperty("uts4j.webapps"), "undeploy");
        Path docBase = WebappLayout.createWithOnly(root, "shop", LaunchingServlet.class);
        jvm.classpath(WebappLayout.serverClasspath());
        try (ForkedServer server = ForkedServer.start(jvm, UndeployingTomcat.class, root.resolve("tomcat-base").toString(),
                docBase.toString())) {
            int port = Integer.parseInt(server.awaitReport("server", 60).get("port"));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ExecutorService clients = Executors.newFixedThreadPool(8); // several of the container's threads serve
            try {
                List<Future<Map<String, String>>> responses = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) responses.add(clients.submit(() -> get(client, port, server)));
                for (Future<Map<String, String>> f : responses) {
                    assertThat(f.get()).as(server.toString()).containsEntry("localHost.name", sees)
                            .containsEntry("child.hostname", sees).containsEntry("pool.submit", sees)
                            .containsEntry("pool.async", sees);
                }
            } finally {
                clients.shutdownNow();
            }
            server.send("undeploy");
            Map<String, String> undeployed = server.awaitReport("undeployed", 60);
            System.out.println(label + ", undeployed: " + undeployed);
            assertThat(undeployed).as(server.toString()).containsEntry("contexts", "0").containsEntry("collected", "true");
        }
    }

    private static Map<String, String> get(HttpClient client, int port, ForkedServer server) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/shop/"))
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
