package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.TenantRoutes;
import io.uts4j.it.webapp.TenantAttempts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One forked JVM per JDK and per way tenant a's threads are bound, in which a's code tries every
 * route ({@link TenantRoutes}); the test classes that read it assert one route each. The run is
 * made once and shared: the routes are tried one after the other anyway, each on a fresh thread.
 */
final class TenantRoutesRun {
    /**
     * Tenant a with the one rule that binds its threads in a run ({@code threads} or {@code loader}),
     * b with both: a thread-name rule and a context-class-loader rule. Kernel namespaces as available.
     */
    static String agentArgs(String binding) {
        return String.join(",", "tenant.a.hostname=a-1",
                binding.equals("name") ? "tenant.a.threads=a-.*" : "tenant.a.loader=tenant-a",
                "tenant.b.hostname=b-1", "tenant.b.threads=b-.*", "tenant.b.loader=tenant-b");
    }
    private static final Map<String, ForkedJvm.Result> RUNS = new ConcurrentHashMap<>();

    private TenantRoutesRun() {}

    /** Every JDK, with a's threads bound by their names, and by their context class loader. */
    static Stream<Arguments> runs() {
        return Jdk.available().stream().flatMap(j -> Stream.of(Arguments.of(j, "name"), Arguments.of(j, "loader")));
    }

    /** As {@link #runs}, on JDKs with virtual threads only. */
    static Stream<Arguments> runsWithVirtualThreads() {
        return runs().filter(a -> ((Jdk) a.get()[0]).feature() >= 21);
    }

    static ForkedJvm.Result of(Jdk jdk, String binding) {
        Kernel.assumeAvailable();
        return RUNS.computeIfAbsent(jdk.name() + "/" + binding, k -> {
            List<String> args = new ArrayList<>(List.of(binding));
            args.addAll(TenantAttempts.CAPABILITY);
            args.add("host"); // the host takes its capability once every attempt at it has been made
            for (List<String> group : List.of(TenantAttempts.SCOPE, TenantAttempts.OWN, TenantAttempts.ADMIN,
                    TenantAttempts.INTERNALS, TenantAttempts.REBIND)) {
                args.addAll(group);
            }
            return ForkedJvm.on(jdk).agent(agentArgs(binding)).run(TenantRoutes.class, args.toArray(String[]::new))
                    .assertSuccess();
        });
    }

    /** What one route reported: outcome, refusals counted meanwhile, and b's state after it. */
    static Map<String, String> route(ForkedJvm.Result r, String route) {
        Map<String, String> m = r.report().get(route);
        assertThat(m).as("no report of " + route + "\n" + r).isNotNull();
        return m;
    }

    /**
     * The route was refused with uts4j's SecurityException, whose message names what was refused,
     * counted once in JMX RefusedOperations, and tenant b is as it was.
     */
    static void assertRefused(ForkedJvm.Result r, String route, String... saying) {
        Map<String, String> m = route(r, route);
        assertThat(m.get("outcome")).as(route + "\n" + r).startsWith("refused:uts4j: refused: ").contains(saying);
        assertThat(m.get("counted")).as(route + ": RefusedOperations went up by one\n" + r).isEqualTo("1");
        assertUnchanged(r, route);
    }

    /** Tenant b is as it was before a's code tried anything. */
    static void assertUnchanged(ForkedJvm.Result r, String route) {
        assertThat(route(r, route).get("b")).as(route + ": tenant b afterwards\n" + r).isEqualTo("unchanged");
    }

    /** What a thread of a saw before anything was tried: "a <a's hostname>". */
    static String aSees(ForkedJvm.Result r) {
        String sees = r.report().get("a.baseline").get("sees");
        assertThat(sees).as(r.toString()).startsWith("ok:a ");
        return sees.substring("ok:".length());
    }

    /** What b's threads saw before anything was tried: "b <b's hostname>". */
    static String bSees(ForkedJvm.Result r) {
        String snapshot = r.report().get("b.baseline").get("snapshot");
        String resident = snapshot.substring("resident=".length(), snapshot.indexOf(';'));
        assertThat(resident).as(r.toString()).startsWith("b ");
        return resident;
    }

    static Map<String, String> host(ForkedJvm.Result r) {
        return route(r, "host");
    }
}
