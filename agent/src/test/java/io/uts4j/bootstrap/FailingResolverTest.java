package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A resolver that throws: the rules decide instead, and the failure is reported once for the JVM's
 * life. One test alone in its class, so that it is the first failure its JVM sees (see the pom's reuseForks).
 */
class FailingResolverTest {
    private final Uts4jTenant blog = tenant("blog");

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    void failingResolverIsReportedOnceAndTheRulesAreUsed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Thread owner = Thread.currentThread();
        Uts4jInstall.install(new Table().with(blog, "blog-.*", null).resolver((thread, loader) -> {
            if (thread != owner) calls.incrementAndGet(); // the test's own thread is resolved too, when it creates one
            throw new IllegalStateException("broken resolver");
        }).build(), new RecordingServices(), false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Threads.tenantOf("blog-1")).isSameAs(blog);
            assertThat(Threads.tenantOf("blog-2")).isSameAs(blog);
            assertThat(Threads.tenantOf("other")).isNull();
        } finally {
            System.setErr(original);
        }
        assertThat(calls.get()).as("asked on each new thread").isEqualTo(3);
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("uts4j: tenant resolver", "broken resolver", "reported once");
        assertThat(report.split("uts4j: tenant resolver", -1)).as(report).hasSize(2);
    }
}
