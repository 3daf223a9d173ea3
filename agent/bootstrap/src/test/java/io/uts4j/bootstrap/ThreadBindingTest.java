package io.uts4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Binding rules, exercised on the bootstrap classes directly (no agent attached). */
class ThreadBindingTest {
    private final Tenant a = tenant("a", "alpha-.*");
    private final Tenant b = tenant("b", "beta-.*");
    private final Tenant both = tenant("c", "(alpha|beta)-.*"); // overlaps both; declared last
    private final Tenant api = tenant("api", null);

    private static Tenant tenant(String id, String rule) {
        return new Tenant(id, id + "-host", null, new byte[] {10, 0, 0, 1}, rule == null ? null : Pattern.compile(rule),
                null, Map.of(), Map.of());
    }

    @BeforeEach
    void install() {
        Dispatcher.install(new TenantTable(List.of(a, b, both, api), null), Map.of());
    }

    @AfterEach
    void uninstall() {
        Dispatcher.install(TenantTable.EMPTY, Map.of());
    }

    private static Tenant onThread(String name, java.util.function.Supplier<Tenant> body) throws Exception {
        AtomicReference<Tenant> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set(body.get()), name);
        t.start();
        t.join();
        return seen.get();
    }

    @Test
    void unboundThreadSeesTheHost() throws Exception {
        assertThat(onThread("worker-1", Dispatcher::currentTenant)).isNull();
    }

    @Test
    void threadNameRuleBindsAndFirstDeclaredRuleWins() throws Exception {
        assertThat(onThread("alpha-1", Dispatcher::currentTenant)).isSameAs(a);
        assertThat(onThread("beta-1", Dispatcher::currentTenant)).isSameAs(b);
    }

    @Test
    void renamingAThreadRebindsIt() throws Exception {
        assertThat(onThread("alpha-1", () -> {
            Thread.currentThread().setName("beta-9");
            return Dispatcher.currentTenant();
        })).isSameAs(b);
    }

    @Test
    void scopeWinsOverNameRuleAndIsRestored() throws Exception {
        assertThat(onThread("alpha-1", () -> {
            try (ScopeFrame s = ScopeFrame.open(api)) {
                assertThat(Dispatcher.currentTenant()).isSameAs(api);
            }
            return Dispatcher.currentTenant();
        })).isSameAs(a);
    }

    @Test
    void nestedScopesRestoreInOrderAndOuterCloseUnwindsInner() {
        ScopeFrame outer = ScopeFrame.open(a);
        ScopeFrame inner = ScopeFrame.open(b);
        assertThat(Dispatcher.currentTenant()).isSameAs(b);
        outer.close(); // inner was left open: closing the outer closes it too
        assertThat(Dispatcher.currentTenant()).isNull();
        inner.close(); // already closed: no effect
        assertThat(Dispatcher.currentTenant()).isNull();
    }

    @Test
    void hostScopeUnbindsANamedThread() throws Exception {
        assertThat(onThread("alpha-1", () -> {
            try (ScopeFrame s = ScopeFrame.open(null)) {
                return Dispatcher.currentTenant();
            }
        })).isNull();
    }

    @Test
    void scopeClosedByAnotherThreadIsRefused() throws Exception {
        ScopeFrame f = ScopeFrame.open(a);
        try {
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    f.close();
                } catch (Throwable e) {
                    error.set(e);
                }
            });
            t.start();
            t.join();
            assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed by the thread");
            assertThat(Dispatcher.currentTenant()).isSameAs(a);
        } finally {
            f.close();
        }
    }

    @Test
    void childThreadInheritsItsCreatorsTenant() throws Exception {
        try (ScopeFrame s = ScopeFrame.open(api)) {
            assertThat(onThread("child", Dispatcher::currentTenant)).isSameAs(api);
        }
        assertThat(onThread("child", Dispatcher::currentTenant)).isNull();
    }

    @Test
    void childsOwnNameRuleWinsOverInheritance() throws Exception {
        try (ScopeFrame s = ScopeFrame.open(api)) {
            assertThat(onThread("beta-7", Dispatcher::currentTenant)).isSameAs(b);
        }
    }

    @Test
    void executorWorkersInheritNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (ScopeFrame s = ScopeFrame.open(api)) {
            // The worker is created by this submission, inside the tenant's scope.
            assertThat(pool.submit(Dispatcher::currentTenant).get()).isNull();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void forkJoinWorkersInheritNothing() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try (ScopeFrame s = ScopeFrame.open(api)) {
            CompletableFuture<Tenant> seen = CompletableFuture.supplyAsync(Dispatcher::currentTenant, pool);
            assertThat(seen.get()).isNull();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void removedTenantIsNoLongerInherited() throws Exception {
        AtomicReference<Tenant> before = new AtomicReference<>();
        AtomicReference<Tenant> after = new AtomicReference<>();
        java.util.concurrent.CountDownLatch removed = new java.util.concurrent.CountDownLatch(1);
        Thread child;
        try (ScopeFrame s = ScopeFrame.open(api)) {
            child = new Thread(() -> {
                before.set(Dispatcher.currentTenant());
                try {
                    removed.await();
                } catch (InterruptedException e) {
                    return;
                }
                after.set(Dispatcher.currentTenant());
            });
            child.start();
        }
        while (before.get() == null && child.isAlive()) Thread.onSpinWait();
        Dispatcher.install(new TenantTable(List.of(a, b), null), Map.of());
        removed.countDown();
        child.join();
        assertThat(before.get()).isSameAs(api);
        assertThat(after.get()).isNull();
    }

    @Test
    void envAndPropertyOverridesApplyOnlyToBoundThreadsAndOverriddenKeys() throws Exception {
        Tenant t = new Tenant("e", "e-host", null, null, Pattern.compile("env-.*"), null,
                Map.of("REGION", "eu"), Map.of("os.name", "TenantOS"));
        Dispatcher.install(new TenantTable(List.of(t), null), Map.of("PATH", "/bin", "HOSTNAME", "real"));
        assertThat(onThread("env-1", () -> {
            assertThat(Dispatcher.getenv("HOSTNAME")).isEqualTo("e-host");
            assertThat(Dispatcher.getenv("REGION")).isEqualTo("eu");
            assertThat(Dispatcher.getenv("PATH")).as("not overridden: the JDK answers").isNull();
            assertThat(Dispatcher.getProperty("os.name")).isEqualTo("TenantOS");
            assertThat(Dispatcher.getProperty("java.version")).isNull();
            assertThat(Dispatcher.environment()).containsEntry("PATH", "/bin").containsEntry("HOSTNAME", "e-host")
                    .containsEntry("REGION", "eu");
            return Dispatcher.currentTenant();
        })).isSameAs(t);
        assertThat(onThread("other", () -> {
            assertThat(Dispatcher.getenv("HOSTNAME")).isNull();
            assertThat(Dispatcher.getProperty("os.name")).isNull();
            assertThat(Dispatcher.environment()).isNull();
            return Dispatcher.currentTenant();
        })).isNull();
    }

    @Test
    void nullKeysFallThroughToTheJdk() {
        try (ScopeFrame s = ScopeFrame.open(a)) {
            assertThat(Dispatcher.getenv(null)).isNull();
            assertThat(Dispatcher.getProperty(null)).isNull();
            assertThat(Dispatcher.addressesFor(null)).isNull();
        }
    }

    @Test
    void ownNamesResolveCaseInsensitivelyToTheTenantAddress() throws Exception {
        Tenant d = new Tenant("d", "shop", "example.test", new byte[] {10, 1, 2, 3}, null, null, Map.of(), Map.of());
        Dispatcher.install(new TenantTable(List.of(d), null), Map.of());
        try (ScopeFrame s = ScopeFrame.open(d)) {
            assertThat(Dispatcher.addressFor("SHOP.example.test").getHostAddress()).isEqualTo("10.1.2.3");
            assertThat(Dispatcher.addressFor("SHOP.example.test").getHostName()).isEqualTo("SHOP.example.test");
            assertThat(Dispatcher.addressFor("shop").getHostName()).isEqualTo("shop");
            assertThat(Dispatcher.addressFor("other.example.test")).isNull();
            assertThat(Dispatcher.canonicalHostName(Dispatcher.localHost())).isEqualTo("shop.example.test");
            assertThat(Dispatcher.canonicalHostName(java.net.InetAddress.getByAddress("shop", new byte[] {10, 9, 9, 9})))
                    .as("own name on another address is not the tenant's").isNull();
        }
        assertThat(Dispatcher.addressFor("shop")).isNull();
    }

    @Test
    void duplicateTenantIdsAreRejected() {
        assertThatThrownBy(() -> new TenantTable(List.of(a, tenant("a", null)), null))
                .hasMessageContaining("duplicate tenant id a");
    }
}
