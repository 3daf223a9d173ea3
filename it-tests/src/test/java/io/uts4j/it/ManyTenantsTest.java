package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.ManyTenantsReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 tenants in one JVM: it starts, every sampled tenant answers as itself, the start-up line stays short. */
class ManyTenantsTest {
    static final int TENANTS = 10_000;
    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void writeConfiguration() throws IOException {
        config = dir.resolve("tenants.conf");
        try (Writer w = Files.newBufferedWriter(config)) {
            for (int i = 0; i < TENANTS; i++) {
                w.write("tenant.t" + i + ".hostname=t" + i + "-host\ntenant.t" + i + ".threads=t" + i + "-.*\n");
            }
        }
    }

    /** The first and last tenants, and some between: rules near both ends of the declaration order. */
    static String[] sample() {
        List<String> s = new ArrayList<>();
        for (int i : new int[] {0, 1, 7, 99, 100, 1234, 5000, 9998, TENANTS - 1}) s.add(String.valueOf(i));
        return s.toArray(new String[0]);
    }

    static void assertEachAnswersAsItself(ForkedJvm.Result r, boolean children) {
        Map<String, Map<String, String>> report = r.report();
        String host = Children.run("hostname");
        assertThat(report.get("main")).as(r.toString()).containsEntry("java", host);
        for (String i : sample()) {
            Map<String, String> m = report.get("t" + i);
            assertThat(m).as("t" + i + "\n" + r).containsEntry("java", "t" + i + "-host").containsEntry("env", "t" + i + "-host");
            if (children) assertThat(m).as("t" + i).containsEntry("child", "t" + i + "-host");
        }
        String line = r.startupLine();
        assertThat(line).as(r.toString()).startsWith("uts4j ").contains(TENANTS + " tenants").contains("…");
        assertThat(line.length()).as(line).isLessThanOrEqualTo(400);
    }

    @Test
    void javaLevelOnly() {
        String[] args = new String[sample().length + 1];
        args[0] = "false";
        System.arraycopy(sample(), 0, args, 1, sample().length);
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent("kernel=off,config=" + config)
                .run(ManyTenantsReport.class, args).assertSuccess();
        assertEachAnswersAsItself(r, false);
    }

    @Test
    void eachWithItsOwnKernelNamespace() {
        Kernel.assumeAvailable();
        String[] args = new String[sample().length + 1];
        args[0] = "true";
        System.arraycopy(sample(), 0, args, 1, sample().length);
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent("kernel=required,config=" + config)
                .run(ManyTenantsReport.class, args).assertSuccess();
        assertEachAnswersAsItself(r, true);
    }
}
