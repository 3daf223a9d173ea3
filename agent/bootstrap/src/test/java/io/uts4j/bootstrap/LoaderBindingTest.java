package io.uts4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.TenantResolver;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Context-class-loader rules and custom resolvers, and their place in the precedence. */
class LoaderBindingTest {
    private final Tenant shop = tenant("shop", null, "shop-webapp");
    private final Tenant blog = tenant("blog", "blog-.*", "blog");

    private static Tenant tenant(String id, String threads, String loader) {
        return new Tenant(id, id + "-host", null, null, threads == null ? null : Pattern.compile(threads),
                Pattern.compile(loader), Map.of(), Map.of());
    }

    /** A loader with a name, as Jetty and JDK loaders have. */
    private static ClassLoader named(String name, ClassLoader parent) {
        return new URLClassLoader(name, new URL[0], parent);
    }

    /** A loader without a name that knows its web application, as Tomcat's does. */
    public static final class WebappLoader extends ClassLoader {
        private final String context;

        WebappLoader(String context) {
            super(ClassLoader.getSystemClassLoader());
            this.context = context;
        }

        public String getContextName() {
            return context;
        }
    }

    @AfterEach
    void uninstall() {
        Dispatcher.install(TenantTable.EMPTY, Map.of());
    }

    private static Tenant onThread(String name, ClassLoader ccl) throws Exception {
        AtomicReference<Tenant> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set(Dispatcher.currentTenant()), name);
        t.setContextClassLoader(ccl);
        t.start();
        t.join();
        return seen.get();
    }

    @Test
    void loaderRuleMatchesTheNameOrTheWebappContext() throws Exception {
        Dispatcher.install(new TenantTable(List.of(shop, blog), null), Map.of());
        assertThat(onThread("http-nio-1", named("shop-webapp", null))).isSameAs(shop);
        assertThat(onThread("http-nio-1", new WebappLoader("blog"))).isSameAs(blog);
        assertThat(onThread("http-nio-1", new WebappLoader("other"))).isNull();
        assertThat(onThread("http-nio-1", ClassLoader.getSystemClassLoader())).isNull();
    }

    @Test
    void aChildOfAMatchingLoaderMatchesButTheJdkLoadersAboveDoNot() throws Exception {
        Dispatcher.install(new TenantTable(List.of(shop, tenant("everyone", null, "app")), null), Map.of());
        assertThat(onThread("w", named("jsp", named("shop-webapp", ClassLoader.getSystemClassLoader())))).isSameAs(shop);
        assertThat(onThread("w", named("unrelated", ClassLoader.getSystemClassLoader())))
                .as("the application loader only matches as the context loader itself").isNull();
        assertThat(onThread("w", ClassLoader.getSystemClassLoader()).id()).isEqualTo("everyone");
    }

    @Test
    void bindingFollowsTheContextLoaderAsTheServerSwitchesIt() throws Exception {
        Dispatcher.install(new TenantTable(List.of(shop, blog), null), Map.of());
        AtomicReference<String> seen = new AtomicReference<>("");
        Thread t = new Thread(() -> {
            Thread self = Thread.currentThread();
            StringBuilder b = new StringBuilder();
            for (ClassLoader l : new ClassLoader[] {named("shop-webapp", null), null, new WebappLoader("blog")}) {
                self.setContextClassLoader(l);
                Tenant now = Dispatcher.currentTenant();
                b.append(now == null ? "host" : now.id()).append(' ');
            }
            seen.set(b.toString().trim());
        }, "http-nio-2");
        t.start();
        t.join();
        assertThat(seen.get()).isEqualTo("shop host blog");
    }

    @Test
    void loaderRuleWinsOverNameRuleAndScopeWinsOverBoth() throws Exception {
        Dispatcher.install(new TenantTable(List.of(shop, blog), null), Map.of());
        assertThat(onThread("blog-1", named("shop-webapp", null))).isSameAs(shop);
        assertThat(onThread("blog-1", null)).isSameAs(blog);
        AtomicReference<Tenant> scoped = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (ScopeFrame s = ScopeFrame.open(blog)) {
                scoped.set(Dispatcher.currentTenant());
            }
        });
        t.setContextClassLoader(named("shop-webapp", null));
        t.start();
        t.join();
        assertThat(scoped.get()).isSameAs(blog);
    }

    @Test
    void resolverWinsOverRulesIsCachedAndSeesTheHostWhileItRuns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Tenant> insideResolver = new AtomicReference<>(blog);
        TenantResolver resolver = (thread, loader) -> {
            calls.incrementAndGet();
            insideResolver.set(Dispatcher.currentTenant()); // re-entrant: must see the host, not recurse
            return thread.getName().startsWith("by-resolver") ? "blog" : null;
        };
        Dispatcher.install(new TenantTable(List.of(shop, blog), resolver), Map.of());
        AtomicReference<Tenant> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            for (int i = 0; i < 100; i++) seen.set(Dispatcher.currentTenant());
        }, "by-resolver-1");
        t.setContextClassLoader(named("shop-webapp", null));
        t.start();
        t.join();
        assertThat(seen.get()).as("resolver before the loader rule").isSameAs(blog);
        assertThat(calls.get()).as("asked once while name and loader stay the same").isEqualTo(1);
        assertThat(insideResolver.get()).isNull();
        assertThat(onThread("other", named("shop-webapp", null))).as("null from the resolver: rules decide")
                .isSameAs(shop);
    }

    @Test
    void failingResolverFallsBackToTheRules() throws Exception {
        TenantResolver resolver = (thread, loader) -> {
            throw new IllegalStateException("broken");
        };
        Dispatcher.install(new TenantTable(List.of(shop, blog), resolver), Map.of());
        assertThat(onThread("blog-3", null)).isSameAs(blog);
    }
}
