package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.LoaderRuleTest.named;
import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change of a thread's name or context class loader made by a tenant's code does not move the
 * thread: its rules' answer stays as it was until host code changes the thread again. Each change
 * goes through {@link WovenJdk}, which calls the hook first as the woven setName/setContextClassLoader do.
 */
class FreezeTest {
    private final Uts4jTenant a = tenant("a");
    private final Uts4jTenant b = tenant("b");
    private final Uts4jTenant shop = tenant("shop");
    private final Uts4jTenant blog = tenant("blog");
    private final Uts4jTenant api = tenant("api");

    @BeforeEach
    void install() {
        Uts4jInstall.install(new Table().with(a, "alpha-\\d+", null).with(b, "beta-\\d+", null)
                .with(shop, null, "shop-webapp").with(blog, null, "blog-webapp").with(api, null, null).build(),
                new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    /** The calling thread renamed by its own code, and the tenant it is bound to afterwards. */
    private static String renameSelf(String name) {
        WovenJdk.setName(Thread.currentThread(), name);
        return NameRuleTest.id(Uts4jInstall.currentTenant());
    }

    @Test
    void aThreadRenamedByItsTenantsCodeKeepsItsTenant() throws Exception {
        assertThat(Threads.call("alpha-1", () -> renameSelf("beta-1"))).isEqualTo("a");
    }

    @Test
    void theHostRenamingAFrozenThreadMovesItAgain() throws Exception {
        try (OwnThread t = new OwnThread("alpha-1")) {
            assertThat(t.call(() -> renameSelf("beta-1"))).isEqualTo("a");
            WovenJdk.setName(t.thread, "beta-2"); // the test's thread is the host's
            assertThat(t.tenant()).isSameAs(b);
        }
    }

    @Test
    void anUnboundThreadRenamingItselfIsHostCodeAndRebinds() throws Exception {
        // Once bound, though, its code is the tenant's: the next rename of its own does not move it.
        assertThat(Threads.call("worker", () -> renameSelf("beta-1") + " " + renameSelf("alpha-1"))).isEqualTo("b b");
    }

    @Test
    void anInheritingThreadRenamedByItsOwnCodeKeepsItsTenant() throws Exception {
        // Unfrozen, beta-1's name rule would beat the inherited tenant.
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.call("child", () -> renameSelf("beta-1"))).isEqualTo("api");
        }
    }

    @Test
    void aRenameMadeInsideAScopeDoesNotMoveTheThreadAfterIt() throws Exception {
        try (OwnThread t = new OwnThread("worker")) {
            t.call(() -> {
                try (AutoCloseable s = Uts4jInstall.tenantScope(a)) {
                    WovenJdk.setName(Thread.currentThread(), "beta-1");
                }
                return null;
            });
            assertThat(t.tenant()).as("the host's still, not b's").isNull();
        }
    }

    @Test
    void aNameBoundThreadSettingALoaderFromItsTenantsCodeKeepsItsTenant() throws Exception {
        // Unfrozen, the loader rule would beat the name rule.
        assertThat(Threads.call("alpha-1", () -> {
            WovenJdk.setContextClassLoader(Thread.currentThread(), named("shop-webapp", null));
            return Uts4jInstall.currentTenant();
        })).isSameAs(a);
    }

    @Test
    void aLoaderBoundThreadWhoseLoaderHostCodeResetsIsRebound() throws Exception {
        // A server resetting the context loader after a request: no class of a tenant on the stack.
        assertThat(Threads.callWithLoader("http-1", named("shop-webapp", null), () -> {
            String before = NameRuleTest.id(Uts4jInstall.currentTenant());
            WovenJdk.setContextClassLoader(Thread.currentThread(), null);
            return before + " " + NameRuleTest.id(Uts4jInstall.currentTenant());
        })).isEqualTo("shop host");
    }

    @Test
    void aLoaderBoundThreadWhoseLoaderATenantsClassChangesKeepsItsTenantUntilHostCodeChangesIt() throws Exception {
        TenantLoader shopLoader = new TenantLoader("shop-webapp");
        assertThat(Threads.callWithLoader("http-1", shopLoader, () -> {
            AtomicReference<String> seen = new AtomicReference<>();
            shopLoader.code().accept(() -> {
                WovenJdk.setContextClassLoader(Thread.currentThread(), named("blog-webapp", null));
                seen.set(NameRuleTest.id(Uts4jInstall.currentTenant()));
            });
            WovenJdk.setContextClassLoader(Thread.currentThread(), named("blog-webapp", null)); // the server's code
            return seen.get() + " " + NameRuleTest.id(Uts4jInstall.currentTenant());
        })).isEqualTo("shop blog");
    }
}
