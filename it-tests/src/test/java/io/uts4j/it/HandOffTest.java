package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.HandOffCheck;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identity follows the work (issue 8): every way the JDK hands a task to another thread, from two
 * tenants bound by name rules, from the host and from API scopes, on pools the host made first.
 */
class HandOffTest {
    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void everyHandOffRunsAsItsSubmitter(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(HandOffCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = rows(r, jdk);
        SoftAssertions soft = new SoftAssertions();
        report.forEach((who, m) -> {
            String expected = HandOffTenants.expected(who.substring(0, who.indexOf(':')));
            soft.assertThat(m).as(who).doesNotContainKey("error").containsEntry("seen", expected);
            switch (m.get("kind")) {
                case "SPLIT" -> soft.assertThat(m.get("workersSaw")).as(who + ": workers took part").isEqualTo(expected);
                default -> soft.assertThat(m).as(who + ": ran on another thread").containsEntry("onCaller", "0");
            }
        });
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void withPropagateOffTasksRunAsTheThreadThatRunsThem(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, ",propagate=off").run(HandOffCheck.class).assertSuccess();
        assertThat(r.startupLine()).as(r.toString()).endsWith("propagate=off");
        String host = HandOffTenants.expected("plain-1");
        SoftAssertions soft = new SoftAssertions();
        rows(r, jdk).forEach((who, m) -> {
            String submitter = HandOffTenants.expected(who.substring(0, who.indexOf(':')));
            soft.assertThat(m).as(who).doesNotContainKey("error");
            switch (m.get("kind")) {
                // a new thread inherits its maker's identity, as it did before propagation existed
                case "NEW_THREAD" -> soft.assertThat(m).as(who).containsEntry("seen", submitter);
                // ... and one a task makes on the host's worker, the host's
                case "NEW_THREAD_IN_TASK" -> soft.assertThat(m).as(who).containsEntry("seen", host);
                // the host's workers, and the host's thread that completes a stage, run everything as the host
                default -> soft.assertThat(m).as(who).containsEntry("workersSaw", host);
            }
        });
        soft.assertAll();
    }

    /** The report's rows, checked to be complete: every submitter ran the same rows, the table among them. */
    private static Map<String, Map<String, String>> rows(ForkedJvm.Result r, Jdk jdk) {
        Map<String, Map<String, String>> report = r.report();
        Map<String, Set<String>> rowsBySubmitter = new java.util.TreeMap<>();
        report.keySet().forEach(who -> rowsBySubmitter.computeIfAbsent(who.substring(0, who.indexOf(':')),
                k -> new TreeSet<>()).add(who.substring(who.indexOf(':') + 1)));
        assertThat(rowsBySubmitter).as(r.toString()).hasSize(5);
        Set<String> rows = rowsBySubmitter.get("alpha-1");
        assertThat(rowsBySubmitter.values()).as(r.toString()).allSatisfy(s -> assertThat(s).isEqualTo(rows));
        assertThat(rows).contains("fixed.invokeAll", "cached.invokeAny", "scheduled.atFixedRate",
                "completableFuture.supplyAsync.default", "completableFuture.thenApply.completedByHost",
                "common.fork", "forkJoin.invoke", "parallelStream.common", "timer.schedule", "newThread", "newThread.inForkJoinTask", "lambdaFactory.submitCallable");
        if (jdk.feature() >= 21) assertThat(rows).contains("threadPerTask", "virtualThreads");
        return report;
    }
}
