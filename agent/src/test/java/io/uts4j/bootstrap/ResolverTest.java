package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.LoaderRuleTest.named;
import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A custom resolver: above the loader and name rules, asked again only when the thread changes. */
class ResolverTest {
    private final Uts4jTenant shop = tenant("shop");
    private final Uts4jTenant blog = tenant("blog");

    private void install(BiFunction<Thread, ClassLoader, String> resolver) {
        Uts4jInstall.install(new Table().with(shop, null, "shop-webapp").with(blog, "blog-.*", null)
                .resolver(resolver).build(), new RecordingServices(), false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void resolverWinsOverLoaderAndNameRules() throws Exception {
        install((thread, loader) -> thread.getName().startsWith("by-resolver") ? "blog" : null);
        assertThat(Threads.tenantOf("by-resolver-1", named("shop-webapp", null))).isSameAs(blog);
    }

    @Test
    void resolverAnsweringNullOrAnUnknownIdLeavesItToTheRules() throws Exception {
        install((thread, loader) -> thread.getName().startsWith("unknown") ? "no-such-tenant" : null);
        assertThat(Threads.tenantOf("other", named("shop-webapp", null))).isSameAs(shop);
        assertThat(Threads.tenantOf("blog-1", null)).isSameAs(blog);
        assertThat(Threads.tenantOf("unknown-1", named("shop-webapp", null))).isSameAs(shop);
    }

    @Test
    void resolverIsAskedOnceWhileNameAndLoaderStayTheSame() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        install((thread, loader) -> {
            if (thread.getName().equals("by-resolver-1")) calls.incrementAndGet(); // not the test's own thread
            return "blog";
        });
        assertThat(Threads.call("by-resolver-1", () -> {
            for (int i = 0; i < 100; i++) assertThat(Uts4jInstall.currentTenant()).isSameAs(blog);
            return calls.get();
        })).isEqualTo(1);
    }

    @Test
    void resolverIsAskedAgainWhenTheThreadIsRenamedOrItsLoaderChanges() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        install((thread, loader) -> {
            if (thread.getName().endsWith("-1")) calls.incrementAndGet(); // not the test's own thread
            return thread.getName().startsWith("by-resolver") ? "blog" : null;
        });
        try (OwnThread t = new OwnThread("by-resolver-1")) {
            assertThat(t.tenant()).isSameAs(blog);
            WovenJdk.setName(t.thread, "plain-1"); // by the host: takes effect
            assertThat(t.tenant()).isNull();
            WovenJdk.setContextClassLoader(t.thread, named("other", null));
            assertThat(t.tenant()).isNull();
            assertThat(calls.get()).isEqualTo(3);
        }
    }

    @Test
    void resolverSeesTheHostWhileItRuns() throws Exception {
        AtomicReference<Object> insideResolver = new AtomicReference<>("not asked");
        install((thread, loader) -> {
            insideResolver.set(Uts4jInstall.currentTenant()); // re-entrant: must see the host, not recurse
            return "blog";
        });
        assertThat(Threads.tenantOf("by-resolver-1")).isSameAs(blog);
        assertThat(insideResolver.get()).isNull();
    }

    @Test
    void resolverIsGivenTheThreadAndItsContextLoader() throws Exception {
        AtomicReference<String> given = new AtomicReference<>();
        install((thread, loader) -> {
            given.set(thread.getName() + " " + (loader == null ? null : loader.getName()));
            return null;
        });
        Threads.tenantOf("asked-1", named("my-loader", null));
        assertThat(given.get()).isEqualTo("asked-1 my-loader");
    }
}
