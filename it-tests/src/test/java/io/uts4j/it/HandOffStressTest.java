package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.HandOffStress;
import io.uts4j.it.apps.IdleWorkerCheck;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Identity follows the work under load, and leaves nothing behind once the work is done. */
class HandOffStressTest {
    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void tenantsAndTheHostSubmittingToTheSamePoolsAtOnceEachGetOnlyTheirOwnAnswers(Jdk jdk) {
        int rounds = 300, perIdentity = 3;
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(HandOffStress.class, String.valueOf(rounds),
                String.valueOf(perIdentity)).assertSuccess();
        Map<String, String> m = r.report().get("stress");
        assertThat(m).as(r.toString()).containsEntry("submitters", String.valueOf(3 * perIdentity))
                .containsEntry("identities", "3").containsEntry("failures", "0").containsEntry("wrong", "0");
        // every round hands over 10 single tasks, 8 leaves and two parallel streams of 32 elements
        assertThat(Long.parseLong(m.get("handOffs"))).isEqualTo(3L * perIdentity * rounds * (10 + 8 + 2 * 32));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aWorkerIdlingAfterATenantsTaskHoldsNothingOfItsAndServesTheHostAsTheHost(Jdk jdk) {
        ForkedJvm.Result r = HandOffTenants.jvm(jdk, "").run(IdleWorkerCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        assertThat(report).as(r.toString()).hasSize(7);
        SoftAssertions soft = new SoftAssertions();
        report.forEach((pool, m) -> soft.assertThat(m).as(pool)
                .containsEntry("tenantSaw", HandOffTenants.expected("alpha-1"))
                .containsEntry("cleared", "true")
                .containsEntry("hostSaw", HandOffTenants.host())
                .containsEntry("sameWorker", "true"));
        soft.assertAll();
    }
}
