package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.FailingTaskCheck;
import io.uts4j.it.apps.LoaderBoundWorkerCheck;
import io.uts4j.it.apps.RejectedCheck;
import io.uts4j.it.apps.RemovedTenantCheck;
import io.uts4j.it.apps.SharedRunnableCheck;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Where identity-follows-work is easy to get wrong: reuse, failure, removal, rejection. */
class HandOffEdgeCasesTest {
    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void theSameRunnableRunsAsEachOfItsSubmittersInTurn(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(SharedRunnableCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        assertRunsInTurn(r, "sameRunnable.twoTenants", "sameRunnable.tenantTwice");
        Map<String, String> concurrent = report.get("sameRunnable.concurrent");
        TreeMap<String, String> counts = new TreeMap<>();
        for (String who : new String[] {"alpha-1", "beta-1", "plain-1"}) counts.put(HandOffTenants.expected(who), concurrent.get("each"));
        assertThat(concurrent.get("counts")).as(r.toString()).isEqualTo(counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
    }

    /**
     * The documented limit (README, Limits): a plainly-host submitter captures nothing (so that the
     * host's hand-offs cost nothing), so its turn is invisible: the runs take the tenants' captures
     * in their order, and the last run, which has none left, runs as the worker is (the host, on
     * these workers). No run is ever another tenant's than one that handed the object over.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void aRunnableTheHostSharesWithTenantsRunsAsTheTenantsInTheirOrderThenTheHost(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(SharedRunnableCheck.class).assertSuccess();
        SoftAssertions soft = new SoftAssertions();
        for (String c : new String[] {"sameRunnable.hostFirst", "sameRunnable.hostBetween"}) {
            Map<String, String> m = r.report().get(c);
            assertThat(m).as(c + "\n" + r).isNotNull();
            String tenantsThenHost = Arrays.stream(m.get("submitters").split(","))
                    .filter(who -> !who.startsWith("plain")).map(HandOffTenants::expected)
                    .collect(Collectors.joining(",")) + "," + HandOffTenants.expected("plain-1");
            soft.assertThat(m.get("runs")).as(c + " " + m.get("submitters")).isEqualTo(tenantsThenHost);
        }
        soft.assertAll();
    }

    /** Each case's runs, in order, are its submitters' identities in the order they handed the object over. */
    private static void assertRunsInTurn(ForkedJvm.Result r, String... cases) {
        SoftAssertions soft = new SoftAssertions();
        for (String c : cases) {
            Map<String, String> m = r.report().get(c);
            assertThat(m).as(c + "\n" + r).isNotNull();
            String expected = Arrays.stream(m.get("submitters").split(",")).map(HandOffTenants::expected)
                    .collect(Collectors.joining(","));
            soft.assertThat(m.get("runs")).as(c + " " + m.get("submitters")).isEqualTo(expected);
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aTaskThatThrowsLeavesItsWorkerAsItWas(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(FailingTaskCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        assertThat(report).as(r.toString()).hasSize(6);
        SoftAssertions soft = new SoftAssertions();
        report.forEach((who, m) -> {
            soft.assertThat(m.get("failed")).as(who + ": the failing task").isEqualTo(HandOffTenants.expected("alpha-1"));
            // the host's task runs as the worker is: the worker named beta-77 is beta's by its name rule
            // (a pool named for a tenant), every other worker is the host's
            String worker = m.get("failedThread");
            soft.assertThat(m.get("next")).as(who + ": the host's next task").isEqualTo(HandOffTenants.expected(
                    worker.startsWith("beta-") ? worker : "plain-1"));
            // execute's exception ends the worker (the pool makes another); elsewhere the same worker goes on
            if (!who.equals("failing.fixed.execute")) soft.assertThat(m.get("nextThread")).as(who).isEqualTo(worker);
        });
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void workOfATenantRemovedBeforeItRunsRunsAsTheHost(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(RemovedTenantCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        String host = HandOffTenants.host();
        assertThat(report.get("delta.before").get("seen")).as(r.toString()).isNotEqualTo(host).startsWith("delta-");
        Map<String, String> removed = new TreeMap<>();
        report.forEach((who, m) -> {
            if (who.startsWith("removed.")) removed.put(who, m.get("seen"));
        });
        assertThat(removed).as(r.toString()).hasSize(7).allSatisfy((who, seen) -> assertThat(seen).as(who).isEqualTo(host));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aPoolWorkerIsNotBoundByTheContextLoaderItCopiedFromTheTenantThatMadeIt(Jdk jdk) {
        String hostname = "loader-bound-host";
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, ",tenant.web.loader=web-app,tenant.web.hostname=" + hostname)
                .run(LoaderBoundWorkerCheck.class, "web-app").assertSuccess();
        Map<String, String> m = r.report().get("loaderBound");
        String host = HandOffTenants.host();
        String web = hostname + host.substring(host.indexOf('|'));
        assertThat(m).as(r.toString()).containsEntry("tenantSaw", web).containsEntry("sameWorker", "true")
                .containsEntry("hostSaw", host).containsEntry("setByHost", web);

        // propagate=off: as before, the loader the worker copied binds it, for every task it runs
        r = HandOffTenants.jvm(jdk, ",propagate=off,tenant.web.loader=web-app,tenant.web.hostname=" + hostname)
                .run(LoaderBoundWorkerCheck.class, "web-app").assertSuccess();
        assertThat(r.report().get("loaderBound")).as(r.toString()).containsEntry("tenantSaw", web)
                .containsEntry("hostSaw", web);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aRejectedHandOffLeavesNothingBehind(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(RejectedCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        String alpha = HandOffTenants.expected("alpha-1");
        String host = HandOffTenants.host();
        String rejected = "RejectedExecutionException";
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(report.get("rejected.queueFull")).as(r.toString())
                .containsEntry("threw", String.join(",", rejected, rejected, rejected))
                .containsEntry("runs", alpha + "," + host + "/" + host);
        soft.assertThat(report.get("rejected.shutDown")).containsEntry("threw", rejected).containsEntry("runs", host);
        soft.assertThat(report.get("rejected.callerRuns")).containsEntry("runs", alpha + "," + host);
        Map<String, String> timer = report.get("rejected.timerTaskScheduledTwice");
        soft.assertThat(timer).containsEntry("threw", "IllegalStateException,IllegalStateException");
        soft.assertThat(timer.get("runs").split(",")).as("every run of alpha's periodic TimerTask").containsOnly(alpha);
        soft.assertThat(report.get("rejected.timerCancelled")).containsEntry("threw", "IllegalStateException")
                .containsEntry("runs", host);
        soft.assertThat(report.get("rejected.null")).containsEntry("threw", "NullPointerException,NullPointerException");
        soft.assertAll();
    }
}
