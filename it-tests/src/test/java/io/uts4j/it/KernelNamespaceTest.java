package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.KernelReport;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tenants backed by real kernel namespaces: what children print, and that nothing leaks. */
class KernelNamespaceTest {
    static final String ARGS = String.join(",", "kernel=required",
            "tenant.alpha.hostname=alpha", "tenant.alpha.domainname=alpha.test", "tenant.alpha.threads=alpha-.*",
            "tenant.beta.hostname=beta", "tenant.beta.threads=beta-.*",
            "tenant.gamma.hostname=gamma", "tenant.gamma.domainname=gamma.test");

    static String host;
    static String hostDomain;

    @BeforeAll
    static void kernelIsAvailable() {
        Kernel.assumeAvailable();
        host = Children.run("hostname");
        hostDomain = Children.run("cat", "/proc/sys/kernel/domainname");
    }

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void childrenOfTenantThreadsRunInTheTenantsNamespaceAndNothingElseDoes(Jdk jdk) {
        // The report's own JNA (native code of the application, not the agent's) needs native access on
        // JDK 22+ as any application's does; the agent's needs no flag (NativeAccessTest).
        String[] appNativeAccess = jdk.feature() >= 22 ? new String[] {"--enable-native-access=ALL-UNNAMED"}
                : new String[0];
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(ARGS).jvmArgs(appNativeAccess).run(KernelReport.class)
                .assertSuccess();
        Map<String, Map<String, String>> report = r.report();

        assertSeesTenant(report.get("alpha"), "alpha", "alpha.test", r);
        assertSeesTenant(report.get("alpha-child"), "alpha", "alpha.test", r);
        assertSeesTenant(report.get("beta"), "beta", hostDomain, r);
        assertSeesTenant(report.get("gamma"), "gamma", "gamma.test", r);
        for (String who : new String[] {"main", "main-after-rename", "plain", "pool"}) {
            assertThat(report.get(who)).as(who + "\n" + r).containsEntry("hostname", host).containsEntry("uname", host)
                    .containsEntry("proc.hostname", host).containsEntry("proc.domainname", hostDomain)
                    .containsEntry("runtime.exec", host).containsEntry("java", host);
        }

        assertThat(report.get("concurrent")).as(r.toString()).containsEntry("launches", "60")
                .containsEntry("wrong", "[]");
        if (jdk.feature() >= 21) assertSeesTenant(report.get("gamma-virtual"), "gamma", "gamma.test", r);

        Map<String, String> launch = report.get("alpha-launch");
        assertThat(launch).as(r.toString())
                .containsEntry("missing", report.get("main-missing").get("missing")) // the JDK's own failure
                .containsEntry("exit", "7")
                .containsEntry("output", "/tmp|bar alpha|alpha|oops")
                .containsEntry("explicit", "set-by-caller")
                .containsEntry("builder.untouched", String.valueOf(System.getenv("HOSTNAME")));

        Map<String, String> api = report.get("api");
        assertThat(api).as(r.toString()).containsEntry("native.gamma", "gamma").containsEntry("native.main", host)
                .containsEntry("kernel.alpha", "tenant alpha alpha.alpha.test");

        assertThat(report.get("alpha-rename")).as(r.toString()).containsEntry("out", "")
                .containsEntry("after", "alpha-renamed");
        assertSeesTenant(report.get("alpha-after-rename"), "alpha-renamed", "alpha.test", r);
        assertSeesTenant(report.get("beta-after-rename"), "beta", hostDomain, r);
        assertThat(Children.run("hostname")).as("the host's own name").isEqualTo(host);

        // Every thread of the JVM is in the host's namespace but the tenants' dedicated ones.
        Map<String, String> threads = report.get("threads");
        String hostNs = threads.get("host");
        String alphaNs = "uts:[" + api.get("inode.alpha") + "]";
        threads.forEach((thread, ns) -> {
            if (thread.equals("host")) return;
            if (thread.contains(":uts4j-ns-")) {
                assertThat(ns).as(thread).isNotEqualTo(hostNs);
                if (thread.contains(":uts4j-ns-alpha")) assertThat(ns).as(thread).isEqualTo(alphaNs);
            } else {
                assertThat(ns).as(thread + " is not a namespace thread\n" + r).isEqualTo(hostNs);
            }
        });
        assertThat(threads.keySet()).as("a process reaper ran").anyMatch(t -> t.endsWith(":process reaper"));
        assertThat(r.unexpectedStderr()).as("nothing else on stderr").isEmpty();
    }

    private static void assertSeesTenant(Map<String, String> m, String name, String domain, ForkedJvm.Result r) {
        assertThat(m).as(name + "\n" + r).containsEntry("java", name).containsEntry("hostname", name)
                .containsEntry("uname", name).containsEntry("proc.hostname", name)
                .containsEntry("proc.domainname", domain).containsEntry("env.HOSTNAME", name)
                .containsEntry("runtime.exec", name);
    }
}
