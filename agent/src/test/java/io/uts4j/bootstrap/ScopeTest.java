package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.LoaderRuleTest.named;
import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import jdk.internal.misc.Uts4jTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scopes: above every rule, nested as a stack, closed only by the thread that opened them. */
class ScopeTest {
    private final Uts4jTenant a = tenant("a");
    private final Uts4jTenant b = tenant("b");
    private final Uts4jTenant shop = tenant("shop");
    private final Uts4jTenant api = tenant("api");
    private Uts4jTenants table;

    @BeforeEach
    void install() {
        table = new Table().with(a, "alpha-\\d+", null).with(b, null, null).with(shop, null, "shop-webapp")
                .with(api, null, null).resolver((thread, loader) -> thread.getName().startsWith("resolved-") ? "b" : null)
                .build();
        Uts4jInstall.install(table, new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    /** The tenant inside a scope of api, then after it, on a new thread of that name and context loader. */
    private static String insideThenAfter(String name, ClassLoader loader, Uts4jTenant scoped) throws Exception {
        return Threads.callWithLoader(name, loader, () -> {
            String inside;
            try (AutoCloseable s = Uts4jInstall.tenantScope(scoped)) {
                inside = NameRuleTest.id(Uts4jInstall.currentTenant());
            }
            return inside + " " + NameRuleTest.id(Uts4jInstall.currentTenant());
        });
    }

    @Test
    void scopeWinsOverEveryRuleAndIsLeftWhenClosed() throws Exception {
        assertThat(insideThenAfter("alpha-1", null, api)).as("name rule").isEqualTo("api a");
        assertThat(insideThenAfter("worker", named("shop-webapp", null), api)).as("loader rule").isEqualTo("api shop");
        assertThat(insideThenAfter("resolved-1", null, api)).as("resolver").isEqualTo("api b");
    }

    @Test
    void hostScopeUnbindsABoundThread() throws Exception {
        assertThat(Threads.call("alpha-1", () -> {
            try (AutoCloseable s = Uts4jInstall.hostScope()) {
                return Uts4jInstall.currentTenant();
            }
        })).isNull();
    }

    @Test
    void nestedScopesAreLeftInnermostFirst() throws Exception {
        try (AutoCloseable outer = Uts4jInstall.tenantScope(a)) {
            try (AutoCloseable inner = Uts4jInstall.tenantScope(b)) {
                assertThat(Uts4jInstall.currentTenant()).isSameAs(b);
                try (AutoCloseable host = Uts4jInstall.hostScope()) {
                    assertThat(Uts4jInstall.currentTenant()).isNull();
                }
                assertThat(Uts4jInstall.currentTenant()).isSameAs(b);
            }
            assertThat(Uts4jInstall.currentTenant()).isSameAs(a);
        }
        assertThat(Uts4jInstall.currentTenant()).isNull();
    }

    @Test
    void closingTheOuterScopeClosesTheInnerOnesLeftOpen() throws Exception {
        AutoCloseable outer = Uts4jInstall.tenantScope(a);
        AutoCloseable inner = Uts4jInstall.tenantScope(b);
        outer.close();
        assertThat(Uts4jInstall.currentTenant()).isNull();
        inner.close(); // closed with the outer one already: no effect
        assertThat(Uts4jInstall.currentTenant()).isNull();
        try (AutoCloseable again = Uts4jInstall.tenantScope(api)) {
            inner.close();
            outer.close();
            assertThat(Uts4jInstall.currentTenant()).as("closing a closed scope leaves later ones be").isSameAs(api);
        }
    }

    @Test
    void scopeClosedByAnotherThreadIsRefusedAndCounted() throws Exception {
        try (AutoCloseable scope = Uts4jInstall.tenantScope(a)) {
            long before = Uts4jInstall.refusals();
            Threads.call("closer", () -> {
                assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed by the thread that opened it");
                return null;
            });
            assertThat(Uts4jInstall.refusals()).isEqualTo(before + 1);
            assertThat(Uts4jInstall.currentTenant()).as("still open").isSameAs(a);
        }
        assertThat(Uts4jInstall.currentTenant()).isNull();
    }

    @Test
    void scopeOfATenantRemovedWhileItIsOpenIsTheHosts() throws Exception {
        try (AutoCloseable scope = Uts4jInstall.tenantScope(api)) {
            Uts4jInstall.replace(new Table().with(a, "alpha-\\d+", null).build());
            assertThat(Uts4jInstall.currentTenant()).isNull();
            Uts4jInstall.replace(table); // the same tenant back: the scope is its again
            assertThat(Uts4jInstall.currentTenant()).isSameAs(api);
        }
    }
}
