package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.TomcatServer;
import java.net.InetAddress;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An unmodified embedded Tomcat 11 in a JVM with the agent hosts three web applications, each with
 * its own class loader and its own Logback, Log4j and Quartz: /shop and /blog belong to tenants by a
 * loader rule alone, /plain to no one. Real HTTP requests read what each one sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TomcatTenants {
    /** The JDK the server runs on. */
    abstract Jdk jdk();

    /** All a user adds to Tomcat's JVM (README, "Using uts4j with Tomcat / Jetty"). */
    static final String AGENT_ARGS = String.join(",",
            "tenant.shop.hostname=shop-1", "tenant.shop.domainname=shop.example", "tenant.shop.loader=shop",
            "tenant.blog.hostname=blog-1", "tenant.blog.loader=blog");
    static final List<String> APPS = List.of("shop", "blog", "plain");

    ForkedServer server;
    Map<String, String> serverThread;
    HttpClient client;
    String host;

    @BeforeAll
    void startTomcat() throws Exception {
        Kernel.assumeAvailable();
        host = Children.run("hostname");
        Path root = Path.of(System.getProperty("uts4j.webapps"));
        List<String> args = new ArrayList<>(List.of(root.resolve("tomcat-base").toString()));
        for (String app : APPS) args.add("/" + app + "=" + WebappLayout.create(root, app));
        // A common pool of 4 workers even on a 2-core machine, where it would have 1 and CompletableFuture
        // would start a thread per task instead.
        ForkedJvm jvm = ForkedJvm.on(jdk()).agent(AGENT_ARGS).classpath(WebappLayout.serverClasspath())
                .jvmArgs("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
        server = ForkedServer.start(jvm, TomcatServer.class, args.toArray(String[]::new));
        serverThread = server.awaitReport("server", 60);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    void stopTomcat() throws Exception {
        if (server != null) server.close();
    }

    /** What each web application must see: its tenant's names, or the host's. */
    record Sees(String hostname, String canonical, String env) {}

    Sees expected(String app) throws Exception {
        return switch (app) {
            case "shop" -> new Sees("shop-1", "shop-1.shop.example", "shop-1");
            case "blog" -> new Sees("blog-1", "blog-1", "blog-1");
            default -> new Sees(host, InetAddress.getLocalHost().getCanonicalHostName(),
                    String.valueOf(System.getenv("HOSTNAME")));
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop", "blog", "plain"})
    void eachWebApplicationAndItsLibrariesSeeItsOwnTenantOrTheHost(String app) throws Exception {
        Sees sees = expected(app);
        Map<String, String> m = get(app);
        assertThat(m).as(app + "\n" + m).containsEntry("localHost.name", sees.hostname())
                .containsEntry("localHost.canonical", sees.canonical())
                .containsEntry("env.HOSTNAME", sees.env())
                .containsEntry("child.hostname", sees.hostname())
                .containsEntry("init.localHost.name", sees.hostname())
                .containsEntry("logback.HOSTNAME", sees.hostname())
                .containsEntry("log4j.hostName", sees.hostname())
                .containsEntry("quartz.hostnameInstanceId", sees.hostname());
        assertThat(m.get("mx.name")).isEqualTo(server.pid() + "@" + sees.hostname());
        assertThat(m.get("quartz.simpleInstanceId")).startsWith(sees.hostname()).matches(".*\\d{13}");
    }

    @Test
    void eachWebApplicationRunsItsOwnCopyOfTheLibrariesInItsOwnLoader() throws Exception {
        for (String app : APPS) {
            Map<String, String> m = get(app);
            String lib = "/webapps/" + app + "/WEB-INF/lib/";
            assertThat(m).as(app).containsEntry("loader.class", "org.apache.catalina.loader.ParallelWebappClassLoader")
                    .containsEntry("loader.isContextLoader", "true");
            assertThat(m.get("logback.from")).as(app).contains(lib + "logback-classic-");
            assertThat(m.get("log4j.from")).as(app).contains(lib + "log4j-core-");
            assertThat(m.get("quartz.from")).as(app).contains(lib + "quartz-");
        }
    }

    /** What a loader rule can match: Tomcat names no loader, but tells its context's base name. */
    @Test
    void tomcatsWebApplicationLoaderIsKnownByItsContextsBaseName() throws Exception {
        Map<String, String> shop = get("shop");
        assertThat(shop).containsEntry("loader.getName", "null").containsEntry("loader.getContextName", "shop");
        assertThat(shop.get("loader.toString")).startsWith("ParallelWebappClassLoader |   context: shop | ");
    }

    @Test
    void serversOwnThreadsSeeTheHost() throws Exception {
        assertThat(serverThread).as(server.toString()).containsEntry("thread", "main")
                .containsEntry("localHost.name", host).containsEntry("child.hostname", host)
                .containsEntry("env.HOSTNAME", String.valueOf(System.getenv("HOSTNAME")));
    }

    @Test
    void concurrentRequestsToAllWebApplicationsEachGetTheirOwnTenantsAnswers() throws Exception {
        int requests = 300;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> wrong = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String app = APPS.get(i % APPS.size());
                wrong.add(clients.submit(() -> mismatch(app, get(app))));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> w : wrong) if (w.get() != null) mismatches.add(w.get());
            assertThat(mismatches).as("of " + requests + " responses").isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    private String mismatch(String app, Map<String, String> m) throws Exception {
        Sees sees = expected(app);
        Map<String, String> seen = Map.of("localHost.name", m.get("localHost.name"),
                "localHost.canonical", m.get("localHost.canonical"), "env.HOSTNAME", m.get("env.HOSTNAME"),
                "child.hostname", m.get("child.hostname"), "mx.name", m.get("mx.name").replaceFirst("^\\d+@", ""));
        Map<String, String> want = Map.of("localHost.name", sees.hostname(), "localHost.canonical", sees.canonical(),
                "env.HOSTNAME", sees.env(), "child.hostname", sees.hostname(), "mx.name", sees.hostname());
        return seen.equals(want) ? null : app + " on " + m.get("thread") + ": " + seen;
    }

    /**
     * Work a request hands to other threads — CompletableFuture.supplyAsync, a pool the server lends
     * to all web applications, a parallel stream, AsyncContext.start — runs as the request's tenant.
     */
    @ParameterizedTest
    @ValueSource(strings = {"shop", "blog", "plain"})
    void workAWebApplicationHandsToOtherThreadsRunsAsItsOwnTenant(String app) throws Exception {
        Map<String, String> m = get(app, "handoff");
        assertThat(handOffMismatch(app, m)).as(m.toString()).isNull();
        assertThat(m.get("supplyAsync")).as("on the common pool").contains("@ForkJoinPool.commonPool-worker-");
        assertThat(Integer.parseInt(m.get("parallelStream.onWorkers"))).as("the stream's elements on the pool's workers")
                .isPositive();
    }

    @Test
    void concurrentRequestsToAllWebApplicationsHandTheirWorkOverAsTheirOwnTenants() throws Exception {
        int requests = 300;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> wrong = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String app = APPS.get(i % APPS.size());
                wrong.add(clients.submit(() -> handOffMismatch(app, get(app, "handoff"))));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> w : wrong) if (w.get() != null) mismatches.add(w.get());
            assertThat(mismatches).as("of " + requests + " responses").isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    /** What of a hand-off response is not the web application's own hostname, or null if nothing. */
    private String handOffMismatch(String app, Map<String, String> m) throws Exception {
        String hostname = expected(app).hostname();
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String key : List.of("request", "supplyAsync", "sharedPool", "asyncStart")) {
            String seen = m.get(key);
            if (seen == null || !seen.startsWith(hostname + "@")) wrong.put(key, seen);
        }
        if (!("[" + hostname + "]").equals(m.get("parallelStream"))) wrong.put("parallelStream", m.get("parallelStream"));
        if (m.containsKey("error")) wrong.put("error", m.get("error"));
        return wrong.isEmpty() ? null : app + ": " + wrong;
    }

    Map<String, String> get(String app) throws Exception {
        return get(app, "");
    }

    Map<String, String> get(String app, String path) throws Exception {
        int port = Integer.parseInt(serverThread.get("port"));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + app + "/"
                        + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body() + "\n" + server).isEqualTo(200);
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            int eq = line.indexOf('=');
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }
}
