package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import jdk.internal.misc.Uts4jDispatcher;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jRules;
import jdk.internal.misc.Uts4jTenant;
import jdk.internal.misc.Uts4jTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the woven JDK methods are answered: a bound thread its tenant's values, everyone else the JDK's (null). */
class DispatcherAnswersTest {
    private final Uts4jTenant env = new Uts4jTenant("e", "e-host", null, null, Map.of("REGION", "eu"),
            Map.of("os.name", "TenantOS"));
    private final Uts4jTenant shop = new Uts4jTenant("d", "shop", "example.test", new byte[] {10, 1, 2, 3}, Map.of(),
            Map.of());

    private void install(Uts4jTenants table) {
        Uts4jInstall.install(table, new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void withoutTenantsEveryAnswerIsTheJdks() throws Exception {
        assertThat(Uts4jInstall.currentTenant()).isNull();
        assertThat(Uts4jDispatcher.localHost()).isNull();
        assertThat(Uts4jDispatcher.getenv("HOSTNAME")).isNull();
        assertThat(Uts4jDispatcher.environment()).isNull();
        assertThat(Uts4jDispatcher.getProperty("os.name")).isNull();
        assertThat(Uts4jDispatcher.addressesFor("localhost")).isNull();
    }

    @Test
    void envAndPropertyOverridesApplyOnlyToBoundThreadsAndOverriddenKeys() throws Exception {
        install(new Table().with(env, "env-.*", null).build());
        Map<String, String> real = new java.util.HashMap<>(System.getenv());
        real.keySet().removeAll(List.of("HOSTNAME", "REGION"));
        assertThat(Threads.call("env-1", () -> {
            assertThat(Uts4jDispatcher.getenv("HOSTNAME")).isEqualTo("e-host");
            assertThat(Uts4jDispatcher.getenv("REGION")).isEqualTo("eu");
            assertThat(Uts4jDispatcher.getenv("PATH")).as("not overridden: the JDK answers").isNull();
            assertThat(Uts4jDispatcher.getProperty("os.name")).isEqualTo("TenantOS");
            assertThat(Uts4jDispatcher.getProperty("java.version")).isNull();
            assertThat(Uts4jDispatcher.environment()).as("the real environment, overridden where the tenant says")
                    .containsAllEntriesOf(real).containsEntry("HOSTNAME", "e-host").containsEntry("REGION", "eu");
            return Uts4jInstall.currentTenant();
        })).isSameAs(env);
        assertThat(Threads.call("other", () -> {
            assertThat(Uts4jDispatcher.getenv("HOSTNAME")).isNull();
            assertThat(Uts4jDispatcher.getProperty("os.name")).isNull();
            assertThat(Uts4jDispatcher.environment()).isNull();
            return Uts4jInstall.currentTenant();
        })).isNull();
    }

    @Test
    void hostnameInTheEnvironmentFollowsARenameInTheKernel() throws Exception {
        install(new Table().with(env, null, null).build());
        try (AutoCloseable s = Uts4jInstall.tenantScope(env)) {
            env.kernelNamesAre("renamed", "example.test");
            assertThat(Uts4jDispatcher.getenv("HOSTNAME")).isEqualTo("renamed");
            assertThat(Uts4jDispatcher.environment()).containsEntry("HOSTNAME", "renamed");
            assertThat(Uts4jDispatcher.localHost().getHostName()).isEqualTo("renamed");
        }
    }

    @Test
    void nullKeysFallThroughToTheJdk() throws Exception {
        install(new Table().with(env, null, null).build());
        try (AutoCloseable s = Uts4jInstall.tenantScope(env)) {
            assertThat(Uts4jDispatcher.getenv(null)).isNull();
            assertThat(Uts4jDispatcher.getProperty(null)).isNull();
            assertThat(Uts4jDispatcher.addressesFor(null)).isNull();
        }
    }

    @Test
    void ownNamesResolveCaseInsensitivelyToTheTenantsAddress() throws Exception {
        install(new Table().with(shop, null, null).build());
        try (AutoCloseable s = Uts4jInstall.tenantScope(shop)) {
            assertThat(Uts4jDispatcher.localHost().getHostName()).isEqualTo("shop");
            assertThat(Uts4jDispatcher.addressFor("SHOP.example.test").getHostAddress()).isEqualTo("10.1.2.3");
            assertThat(Uts4jDispatcher.addressFor("SHOP.example.test").getHostName()).isEqualTo("SHOP.example.test");
            assertThat(Uts4jDispatcher.addressFor("shop").getHostName()).isEqualTo("shop");
            assertThat(Uts4jDispatcher.addressFor("other.example.test")).isNull();
            assertThat(Uts4jDispatcher.canonicalHostName(Uts4jDispatcher.localHost())).isEqualTo("shop.example.test");
            assertThat(Uts4jDispatcher.canonicalHostName(InetAddress.getByAddress("shop", new byte[] {10, 9, 9, 9})))
                    .as("its own name on another address is not the tenant's").isNull();
        }
        assertThat(Uts4jDispatcher.addressFor("shop")).as("the host resolves the name as the JDK does").isNull();
    }

    @Test
    void duplicateTenantIdsAreRejected() {
        assertThatThrownBy(() -> new Uts4jTenants(List.of(tenant("a"), tenant("a")), Uts4jRules.none(), Uts4jRules.none(),
                Uts4jRules.none(), Uts4jRules.none(), null)).hasMessageContaining("duplicate tenant id a");
    }
}
