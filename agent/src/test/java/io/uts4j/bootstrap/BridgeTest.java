package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.Callable;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What any code may ask the bridge without the host's capability: its own tenant's operations only.
 * The capability itself is issued in {@link ControlIssuanceTest} and used in {@link ControlTokenTest}.
 */
class BridgeTest {
    private final Uts4jTenant a = new Uts4jTenant("a", "alpha", "example.test", new byte[] {10, 0, 0, 1}, Map.of(),
            Map.of());
    private final Uts4jTenant b = tenant("b");
    private final RecordingServices services = new RecordingServices();

    @BeforeEach
    void install() {
        Uts4jInstall.install(new Table().with(a, "alpha-\\d+", null).with(b, "beta-\\d+", null).build(), services, false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    /** Asserts that the call is refused, and counted as a refusal. */
    static void assertRefused(ThrowingCallable call, String why) {
        long before = Uts4jInstall.refusals();
        assertThatThrownBy(call).isInstanceOf(SecurityException.class).hasMessageStartingWith("uts4j: refused: ")
                .hasMessageContaining(why);
        assertThat(Uts4jInstall.refusals()).as("refusals counted").isEqualTo(before + 1);
    }

    @Test
    void currentIsTheTenantsIdentityOrTheHosts() throws Exception {
        assertThat(Threads.call("alpha-1", () -> Bridge.apply("current"))).isEqualTo(
                new String[] {"a", "alpha", "example.test"});
        String[] host = (String[]) Threads.call("worker", () -> Bridge.apply("current"));
        assertThat(host[0]).isNull();
        assertThat(host).isEqualTo(Bridge.apply("host"));
    }

    @Test
    void tenantCodeMayEnterItsOwnTenant() throws Exception {
        assertThat(Threads.call("alpha-1", () -> {
            try (AutoCloseable s = (AutoCloseable) Bridge.apply("enter", "a")) {
                return Uts4jInstall.currentTenant();
            }
        })).isSameAs(a);
    }

    @Test
    void tenantCodeEnteringAnotherTenantIsRefused() throws Exception {
        Threads.call("alpha-1", () -> {
            assertRefused(() -> Bridge.apply("enter", "b"), "Uts4j.enter(\"b\") from thread 'alpha-1' of tenant 'a'");
            assertThat(Uts4jInstall.currentTenant()).isSameAs(a);
            return null;
        });
    }

    @Test
    void hostCodeEnteringATenantWithoutTheCapabilityIsRefused() throws Exception {
        Threads.call("worker", () -> {
            assertRefused(() -> Bridge.apply("enter", "a"), "host code needs the host's Uts4jControl");
            return null;
        });
    }

    @Test
    void enteringAnUnknownTenantNamesTheTenants() {
        assertThatThrownBy(() -> Bridge.apply("enter", "zzz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no tenant 'zzz'; tenants: a, b");
    }

    @Test
    void tenantCodeMayAskAboutItsOwnNamespaceOnly() throws Exception {
        Threads.call("alpha-1", () -> {
            Callable<String> task = () -> "ran";
            assertThat(Bridge.apply("callInNamespace", null, "a", task)).isEqualTo("ran");
            assertThat(Bridge.apply("kernelNames", null, "a")).isEqualTo(new String[] {"alpha", "example.test"});
            assertThat(Bridge.apply("inode", null, "a")).isEqualTo(4026531838L);
            assertRefused(() -> Bridge.apply("callInNamespace", null, "b", task), "Uts4j.callInNamespace(\"b\")");
            assertRefused(() -> Bridge.apply("kernelNames", null, "b"), "Uts4j.kernelIdentity(\"b\")");
            assertRefused(() -> Bridge.apply("inode", null, "b"), "Uts4j.namespaceInode(\"b\")");
            return null;
        });
        assertThat(services.calls).containsExactly("callInNamespace a", "kernelNames a", "inode a");
    }

    @Test
    void hostCodeWithoutTheCapabilityMayNotAskAboutATenantsNamespace() {
        assertRefused(() -> Bridge.apply("kernelNames", null, "a"), "needs the host's Uts4jControl");
        assertThat(services.calls).isEmpty();
    }

    @Test
    void operationsOfTheCapabilityNeedItsToken() {
        Object forged = new Object();
        for (Object token : new Object[] {null, forged}) {
            assertRefused(() -> Bridge.apply("tenants", token), "tenants needs the host's Uts4jControl");
            assertRefused(() -> Bridge.apply("enterAs", token, "a"), "enter needs the host's Uts4jControl");
            assertRefused(() -> Bridge.apply("addTenant", token, "c", Map.of()), "addTenant needs");
            assertRefused(() -> Bridge.apply("removeTenant", token, "a"), "removeTenant needs");
            assertRefused(() -> Bridge.apply("callInNamespace", forged, "a", (Callable<?>) () -> "ran"),
                    "callInNamespace needs");
        }
        assertThat(services.calls).isEmpty();
    }

    @Test
    void propagatedWorkRunsAsTheCaller() throws Exception {
        Callable<?> task = Threads.call("alpha-1",
                () -> (Callable<?>) Bridge.apply("propagate", (Callable<Uts4jTenant>) Uts4jInstall::currentTenant));
        assertThat(Threads.call("beta-1", task)).isSameAs(a);
        Callable<?> asHost = Threads.call("worker",
                () -> (Callable<?>) Bridge.apply("propagate", (Callable<Uts4jTenant>) Uts4jInstall::currentTenant));
        assertThat(Threads.call("beta-1", asHost)).as("the host, explicitly").isNull();
    }

    @Test
    void requireHostCodeRefusesTenantCode() throws Exception {
        Uts4jInstall.requireHostCode("addTenant over JMX");
        Threads.call("alpha-1", () -> {
            assertRefused(() -> Uts4jInstall.requireHostCode("addTenant over JMX"), "addTenant over JMX from thread");
            return null;
        });
    }

    @Test
    void unknownOperationSaysTheApiMayBeNewer() {
        assertThatThrownBy(() -> Bridge.apply("teleport")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newer than the agent");
    }
}
