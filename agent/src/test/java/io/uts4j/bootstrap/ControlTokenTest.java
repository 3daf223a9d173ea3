package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the host's capability lets its holder do, wherever it runs. The capability is taken once,
 * before every test, by the host; this class has its JVM to itself (the pom's reuseForks=false).
 */
class ControlTokenTest {
    private static final Uts4jTenant A = tenant("a");
    private static final Uts4jTenant B = tenant("b");
    private static final RecordingServices SERVICES = new RecordingServices();
    private static Object token;

    @BeforeAll
    static void takeTheCapability() {
        Uts4jInstall.install(new Table().with(A, "alpha-\\d+", null).with(B, null, null).build(), SERVICES, false);
        token = Bridge.apply("control");
    }

    @AfterAll
    static void uninstall() {
        Uts4jInstall.uninstall();
    }

    @BeforeEach
    void forgetCalls() {
        SERVICES.calls.clear();
    }

    @Test
    void tenantsAreListedInDeclarationOrder() {
        assertThat((String[]) Bridge.apply("tenants", token)).containsExactly("a", "b");
    }

    @Test
    void theHolderMayEnterAnyTenantOrTheHostFromAnyThread() throws Exception {
        assertThat(Threads.call("alpha-1", () -> {
            StringBuilder seen = new StringBuilder();
            try (AutoCloseable s = (AutoCloseable) Bridge.apply("enterAs", token, "b")) {
                seen.append(NameRuleTest.id(Uts4jInstall.currentTenant()));
                try (AutoCloseable h = (AutoCloseable) Bridge.apply("enterAs", token, null)) {
                    seen.append(' ').append(NameRuleTest.id(Uts4jInstall.currentTenant()));
                }
            }
            return seen.append(' ').append(NameRuleTest.id(Uts4jInstall.currentTenant())).toString();
        })).isEqualTo("b host a");
    }

    @Test
    void theHolderMayAskAboutAnyTenantsNamespace() throws Exception {
        Threads.call("alpha-1", () -> {
            assertThat(Bridge.apply("callInNamespace", token, "b", (Callable<String>) () -> "ran")).isEqualTo("ran");
            assertThat(Bridge.apply("kernelNames", token, "b")).isEqualTo(new String[] {"b-host", null});
            assertThat(Bridge.apply("inode", token, "b")).isEqualTo(4026531838L);
            return null;
        });
        assertThat(SERVICES.calls).containsExactly("callInNamespace b", "kernelNames b", "inode b");
    }

    @Test
    void addAndRemoveReachTheAgentWithTheirArguments() {
        Bridge.apply("addTenant", token, "c", Map.of("hostname", "c-host"));
        Bridge.apply("removeTenant", token, "c");
        assertThat(SERVICES.calls).containsExactly("addTenant c {hostname=c-host}", "removeTenant c");
    }

    @Test
    void aFailureOfTheAgentReachesTheCallerAsItIs() {
        Callable<String> failing = () -> {
            throw new java.io.IOException("no namespace");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bridge.apply("callInNamespace", token, "a", failing))
                .isInstanceOf(java.io.IOException.class).hasMessage("no namespace");
    }
}
