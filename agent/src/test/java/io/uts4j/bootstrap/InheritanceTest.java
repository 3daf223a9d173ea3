package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import jdk.internal.misc.Uts4jDispatcher;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new thread inherits its creator's tenant, below its own rules; a pool's worker inherits nothing,
 * since it outlives the task that made the pool create it. (Virtual threads, which do inherit from
 * a thread-per-task executor, need JDK 21+: see {@link VirtualThreadInheritanceTest}.)
 */
class InheritanceTest {
    private final Uts4jTenant a = tenant("a");
    private final Uts4jTenant b = tenant("b");
    private final Uts4jTenant api = tenant("api");

    @BeforeEach
    void install() {
        Uts4jInstall.install(new Table().with(a, "alpha-\\d+", null).with(b, "beta-\\d+", null).with(api, null, null)
                .build(), new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void childThreadInheritsItsCreatorsScope() throws Exception {
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.tenantOf("child")).isSameAs(api);
        }
        assertThat(Threads.tenantOf("child")).isNull();
    }

    @Test
    void childThreadInheritsItsCreatorsRuleBoundTenant() throws Exception {
        assertThat(Threads.call("alpha-1", () -> Threads.tenantOf("child"))).isSameAs(a);
    }

    @Test
    void grandchildInheritsToo() throws Exception {
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.call("child", () -> Threads.tenantOf("grandchild"))).isSameAs(api);
        }
    }

    @Test
    void childNamedForAnotherTenantByATenantsCodeStaysWithItsCreatorsTenant() throws Exception {
        // The name was the creating tenant's choice: it may not make a thread of another tenant's.
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.tenantOf("beta-7")).isSameAs(api);
        }
        assertThat(Threads.tenantOf("beta-7")).as("started by the host, the rule binds it").isSameAs(b);
    }

    @Test
    void threadToldNotToInheritThreadLocalsInheritsNothing() throws Exception {
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            FutureTask<Uts4jTenant> seen = new FutureTask<>(Uts4jInstall::currentTenant);
            Uts4jDispatcher.beforeThreadCreation();
            Thread t = new Thread(null, seen, "no-inherit", 0, false);
            WovenJdk.start(t);
            assertThat(Threads.result(seen)).isNull();
        }
    }

    @Test
    void executorWorkersInheritNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            // The worker is created by this very submission, inside the tenant's scope.
            assertThat(Threads.result(pool.submit(Uts4jInstall::currentTenant))).isNull();
        } finally {
            shutdown(pool);
        }
    }

    @Test
    void workersOfAnApplicationsThreadFactoryInheritNothing() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-worker"));
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            assertThat(Threads.result(pool.submit(Uts4jInstall::currentTenant))).isNull();
        } finally {
            shutdown(pool);
        }
    }

    @Test
    void forkJoinWorkersInheritNothing() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            CompletableFuture<Uts4jTenant> seen = CompletableFuture.supplyAsync(Uts4jInstall::currentTenant, pool);
            assertThat(Threads.result(seen)).isNull();
        } finally {
            shutdown(pool);
        }
    }

    @Test
    void removedTenantIsNoLongerInherited() throws Exception {
        OwnThread child;
        try (AutoCloseable s = Uts4jInstall.tenantScope(api)) {
            child = new OwnThread("child");
        }
        try (child) {
            assertThat(child.tenant()).isSameAs(api);
            Uts4jInstall.replace(new Table().with(a, "alpha-\\d+", null).with(b, "beta-\\d+", null).build());
            assertThat(child.tenant()).isNull();
        }
    }

    private static void shutdown(ExecutorService pool) throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(Threads.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
}
