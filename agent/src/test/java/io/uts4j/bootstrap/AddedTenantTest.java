package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.LoaderRuleTest.named;
import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants added at run time rank below inheritance and every configured rule (unless the operator lets
 * them claim threads, when they rank as configured ones): an added tenant cannot take another's threads.
 */
class AddedTenantTest {
    private final Uts4jTenant a = tenant("a");
    private final Uts4jTenant api = tenant("api");
    private final Uts4jTenant added = tenant("added");

    private Table configured() {
        return new Table().with(a, "alpha-\\d+", null).with(api, null, null);
    }

    @BeforeEach
    void install() {
        Uts4jInstall.install(configured().addedAtRunTime().with(added, "(alpha|extra)-\\d+", "added-webapp").build(),
                new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void addedTenantsRulesBindThreadsNothingElseBinds() throws Exception {
        assertThat(Threads.tenantOf("extra-1")).isSameAs(added);
        assertThat(Threads.tenantOf("worker", named("added-webapp", null))).isSameAs(added);
    }

    @Test
    void addedTenantDoesNotTakeAThreadAConfiguredRuleBinds() throws Exception {
        // In one tier a loader rule beats a name rule; across tiers the configured name rule wins.
        assertThat(Threads.tenantOf("alpha-1", named("added-webapp", null))).isSameAs(a);
    }

    @Test
    void addedTenantDoesNotTakeAnInheritingThread() throws Exception {
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.tenantOf("extra-1")).isSameAs(api);
        }
    }

    @Test
    void addedTenantsThatMayClaimRankAsConfiguredOnes() throws Exception {
        Uts4jInstall.replace(configured().with(added, "(alpha|extra)-\\d+", "added-webapp").build());
        assertThat(Threads.tenantOf("alpha-1", named("added-webapp", null))).isSameAs(added);
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.tenantOf("extra-1")).as("named by api's code: no rule may take it from api")
                    .isSameAs(api);
        }
    }

    @Test
    void threadOfAnAddedTenantRemovedIsTheHosts() throws Exception {
        try (OwnThread t = new OwnThread("extra-1")) {
            assertThat(t.tenant()).isSameAs(added);
            Uts4jInstall.replace(configured().build());
            assertThat(t.tenant()).isNull();
        }
    }
}
