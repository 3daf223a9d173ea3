package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Thread-name rules: whole-name matches, the first declared rule winning, and the host for the rest. */
class NameRuleTest {
    private final Uts4jTenant a = tenant("a");
    private final Uts4jTenant b = tenant("b");
    private final Uts4jTenant both = tenant("both"); // its rule overlaps a's and b's; declared after them
    private final Uts4jTenant ruleless = tenant("ruleless");

    @BeforeEach
    void install() {
        Uts4jInstall.install(new Table().with(a, "alpha-\\d+", null).with(b, "beta-\\d+", null)
                .with(both, "(alpha|beta)-\\d+|both-\\d+", null).with(ruleless, null, null).build(),
                new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void threadMatchingNoRuleIsTheHosts() throws Exception {
        assertThat(Threads.tenantOf("worker-1")).isNull();
    }

    @Test
    void threadMatchingARuleIsItsTenants() throws Exception {
        assertThat(Threads.tenantOf("alpha-1")).isSameAs(a);
        assertThat(Threads.tenantOf("beta-22")).isSameAs(b);
        assertThat(Threads.tenantOf("both-3")).isSameAs(both);
    }

    @Test
    void ofTwoMatchingRulesTheFirstDeclaredWins() throws Exception {
        // "alpha-1" matches a's rule and both's; a is declared first. Likewise b before both.
        assertThat(Threads.tenantOf("alpha-1")).isSameAs(a);
        assertThat(Threads.tenantOf("beta-1")).isSameAs(b);
    }

    @Test
    void aRuleMustMatchTheWholeName() throws Exception {
        assertThat(Threads.tenantOf("alpha-1x")).isNull();
        assertThat(Threads.tenantOf("my-alpha-1")).isNull();
    }

    @Test
    void theHostRenamingAThreadRebindsIt() throws Exception {
        try (OwnThread t = new OwnThread("worker-1")) {
            StringBuilder seen = new StringBuilder(id(t.tenant()));
            // Renamed by the test's thread, which is the host's: a host change always takes effect.
            for (String name : new String[] {"alpha-1", "beta-1", "worker-2"}) {
                WovenJdk.setName(t.thread, name);
                seen.append(' ').append(id(t.tenant()));
            }
            assertThat(seen).hasToString("host a b host");
        }
    }

    @Test
    void withoutAnyRuleNoThreadIsBound() throws Exception {
        Uts4jInstall.replace(new Table().with(a, null, null).build());
        assertThat(Threads.tenantOf("alpha-1")).isNull();
    }

    static String id(Uts4jTenant t) {
        return t == null ? "host" : t.id();
    }
}
