package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Context-class-loader rules: what a loader is described as, its parents, and their place in the precedence. */
class LoaderRuleTest {
    private final Uts4jTenant shop = tenant("shop");
    private final Uts4jTenant blog = tenant("blog");
    private final Uts4jTenant everyone = tenant("everyone");

    /** A loader without a name that knows its web application, as Tomcat's does (the agent describes it so). */
    static final class WebappLoader extends ClassLoader {
        final String context;

        WebappLoader(String context) {
            super(ClassLoader.getSystemClassLoader());
            this.context = context;
        }
    }

    /** A loader with a name, as Jetty's and the JDK's have. */
    static ClassLoader named(String name, ClassLoader parent) {
        return new URLClassLoader(name, new URL[0], parent);
    }

    @BeforeEach
    void install() {
        // The agent's services describe a web application's loader by its context; others fall back to their names.
        RecordingServices services = new RecordingServices(l -> l instanceof WebappLoader ? ((WebappLoader) l).context
                : null);
        Uts4jInstall.install(new Table().with(shop, null, "shop-webapp").with(blog, "blog-.*", "blog").build(), services, false);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void loaderRuleMatchesWhatTheLoaderIsDescribedAs() throws Exception {
        assertThat(Threads.tenantOf("http-nio-1", named("shop-webapp", null))).isSameAs(shop);
        assertThat(Threads.tenantOf("http-nio-1", new WebappLoader("blog"))).isSameAs(blog);
        assertThat(Threads.tenantOf("http-nio-1", new WebappLoader("other"))).isNull();
        assertThat(Threads.tenantOf("http-nio-1", null)).isNull();
    }

    @Test
    void aChildOfAMatchingLoaderMatches() throws Exception {
        ClassLoader webapp = named("shop-webapp", ClassLoader.getSystemClassLoader());
        assertThat(Threads.tenantOf("w", named("jsp", named("jasper", webapp)))).isSameAs(shop);
    }

    @Test
    void theJdksApplicationAndPlatformLoadersMatchOnlyAsTheContextLoaderItself() throws Exception {
        // Created from a thread that is bound to no tenant itself, whatever its own context loader.
        Uts4jInstall.replace(new Table().with(everyone, null, "app|platform").build());
        try (AutoCloseable host = Uts4jInstall.hostScope()) {
            assertThat(Threads.tenantOf("w", ClassLoader.getSystemClassLoader())).isSameAs(everyone);
            assertThat(Threads.tenantOf("w", ClassLoader.getPlatformClassLoader())).isSameAs(everyone);
            // Every loader descends from them: as parents they would claim every thread.
            assertThat(Threads.tenantOf("w", named("unrelated", ClassLoader.getSystemClassLoader()))).isNull();
            assertThat(Threads.tenantOf("w", named("unrelated", ClassLoader.getPlatformClassLoader()))).isNull();
        }
    }

    @Test
    void loaderRuleWinsOverNameRule() throws Exception {
        assertThat(Threads.tenantOf("blog-1", named("shop-webapp", null))).isSameAs(shop);
        assertThat(Threads.tenantOf("blog-1", null)).isSameAs(blog);
    }

    @Test
    void bindingFollowsTheContextLoaderAsTheServerSwitchesIt() throws Exception {
        // The server's own code (no class of a tenant's loader on the stack) switches loaders between requests.
        assertThat(Threads.callWithLoader("http-nio-2", null, () -> {
            Thread self = Thread.currentThread();
            StringBuilder b = new StringBuilder();
            for (ClassLoader l : new ClassLoader[] {named("shop-webapp", null), null, new WebappLoader("blog")}) {
                WovenJdk.setContextClassLoader(self, l);
                b.append(NameRuleTest.id(Uts4jInstall.currentTenant())).append(' ');
            }
            return b.toString().trim();
        })).isEqualTo("shop host blog");
    }

    @Test
    void theServicesAreAskedOnceALoader() throws Exception {
        int[] asked = new int[1];
        ClassLoader loader = named("any", null);
        // Descriptions are kept for the JVM's life: this one loader only, so that no other's is spoilt for later tests.
        Uts4jInstall.install(new Table().with(shop, null, "counted").build(), new RecordingServices(l -> {
            if (l != loader) return null;
            asked[0]++;
            return "counted";
        }), false);
        assertThat(Threads.tenantOf("w-1", loader)).isSameAs(shop);
        assertThat(Threads.tenantOf("w-2", loader)).isSameAs(shop);
        assertThat(asked[0]).isEqualTo(1);
    }
}
