package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code java -jar uts4j-agent.jar demo}: one table of what the host's and each tenant's thread are told. */
class DemoCommandTest {
    private static final List<String> COLUMNS = List.of("thread", "tenant", "getLocalHost()", "$HOSTNAME",
            "RuntimeMXBean", "hostname", "uname");
    private static final Map<String, String> TENANTS = Map.of("shop-worker", "shop-1", "blog-worker", "blog-1",
            "wiki-worker", "wiki-1");

    @TempDir
    Path dir;

    static List<Jdk> jdks() {
        return Jdk.available();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void showsHostAndTenantNamesFromTheJdkAndFromChildProcessesInKernelMode(Jdk jdk) {
        Kernel.assumeAvailable();
        String host = Children.run("hostname");
        ForkedJvm.Result r = JarCommand.on(jdk).run("demo").assertSuccess();
        Map<String, Map<String, String>> rows = table(r);
        assertThat(rows.keySet()).as(r.toString()).containsExactly("main", "shop-worker", "blog-worker", "wiki-worker");
        assertHostRow(rows.get("main"), host, r);
        TENANTS.forEach((thread, name) -> assertThat(rows.get(thread)).as(r.toString())
                .containsEntry("getLocalHost()", name).containsEntry("$HOSTNAME", name)
                .containsEntry("hostname", name).containsEntry("uname", name)
                .hasEntrySatisfying("RuntimeMXBean", v -> assertThat(v).matches("\\d+@" + name)));
        assertThat(r.stdout()).as(r.toString()).contains("\nkernel mode: on.");
        assertThat(r.stderr()).as("the child's notices stay out of the way").isEmpty();
    }

    @Test
    void unprivilegedShowsJavaLevelNamesAndHowToEnableKernelMode() throws IOException {
        Kernel.assumeAvailable(); // root, to run as nobody
        String host = Children.run("hostname");
        JarCommand nobody = JarCommand.on(Jdk.current()).asNobody(dir);
        ForkedJvm.Result r = nobody.run("demo").assertSuccess();
        Map<String, Map<String, String>> rows = table(r);
        assertHostRow(rows.get("main"), host, r);
        TENANTS.forEach((thread, name) -> assertThat(rows.get(thread)).as(r.toString())
                .containsEntry("getLocalHost()", name).containsEntry("$HOSTNAME", name)
                .containsEntry("hostname", host).containsEntry("uname", host));
        assertThat(r.stdout()).as(r.toString()).contains("\nkernel mode: off: kernel UTS namespaces are not available")
                .contains("run as root, or as an unprivileged user in a user namespace: unshare -Ur java -jar "
                        + nobody.jar() + " demo");
        assertThat(r.stdout()).as("no raw notice from the child").doesNotContain("uts4j: ");
        assertThat(r.stderr()).isEmpty();
    }

    private static void assertHostRow(Map<String, String> main, String host, ForkedJvm.Result r) {
        String envHostname = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "(unset)");
        assertThat(main).as(r.toString()).containsEntry("tenant", "(host)").containsEntry("getLocalHost()", host)
                .containsEntry("$HOSTNAME", envHostname).containsEntry("hostname", host).containsEntry("uname", host)
                .hasEntrySatisfying("RuntimeMXBean", v -> assertThat(v).matches("\\d+@" + host));
    }

    /** The demo's table: thread -> column -> cell, read from the lines under the heading. */
    private static Map<String, Map<String, String>> table(ForkedJvm.Result r) {
        List<String> lines = r.stdout().lines().toList();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("thread ")).findFirst()
                .orElseThrow(() -> new AssertionError("no table\n" + r)));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(heading + 2, lines.size())) {
            if (line.isBlank()) break;
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as("a row of one word per column: " + line).hasSize(COLUMNS.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) row.put(COLUMNS.get(i), cells[i]);
            rows.put(cells[0], row);
        }
        return rows;
    }
}
