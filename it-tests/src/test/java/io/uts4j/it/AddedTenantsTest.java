package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.AddedTenantClaimCheck;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant added at run time whose rule matches another tenant's threads: by default it takes only
 * threads nothing else binds; with {@code added-tenants=claim} it ranks with the configured rules,
 * above inheritance (among rules, the first declared wins: the configured tenant's own).
 */
class AddedTenantsTest {
    static final String TENANT_B = "kernel=off,tenant.b.hostname=b-1,tenant.b.threads=b-.*";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void anAddedTenantDoesNotTakeAnotherTenantsThreads(Jdk jdk) {
        Map<String, String> m = run(jdk, TENANT_B);
        assertThat(m.get("before.byRule")).startsWith("b ");
        assertThat(m).containsEntry("before.inherited", m.get("before.byRule"))
                .containsEntry("after.byRule", m.get("before.byRule"))
                .containsEntry("after.inherited", m.get("before.byRule"))
                .containsEntry("after.unbound", "evil evil-1");
        assertThat(m.get("before.unbound")).startsWith("host ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void withClaimAnAddedTenantTakesThreadsThatOnlyInheritAnother(Jdk jdk) {
        Map<String, String> m = run(jdk, TENANT_B + ",added-tenants=claim");
        assertThat(m.get("before.byRule")).startsWith("b ");
        assertThat(m).containsEntry("before.inherited", m.get("before.byRule"))
                .containsEntry("after.inherited", "evil evil-1")
                .containsEntry("after.unbound", "evil evil-1")
                .containsEntry("after.byRule", m.get("before.byRule"));
    }

    private static Map<String, String> run(Jdk jdk, String agentArgs) {
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(agentArgs).run(AddedTenantClaimCheck.class).assertSuccess();
        Map<String, String> m = r.report().get("claim");
        assertThat(m).as(r.toString()).isNotNull();
        return m;
    }
}
