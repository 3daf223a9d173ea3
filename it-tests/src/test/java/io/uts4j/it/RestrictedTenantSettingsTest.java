package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Hello;
import io.uts4j.it.apps.TenantSettingsCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant settings that reach the kernel or children are the operator's to allow: a tenant may not
 * adopt the namespace the JVM runs in or the host's (its children could rename the host), and may
 * not set variables that change how children load code unless {@code allow-env} names them — in
 * the configuration (the JVM does not start) and through {@code addTenant} alike.
 */
class RestrictedTenantSettingsTest {
    static final List<String> HOST_NAMESPACES = List.of("/proc/self/ns/uts", "/proc/1/ns/uts");
    static final List<String> LOADER_ENV = List.of("LD_PRELOAD", "LD_LIBRARY_PATH", "JAVA_TOOL_OPTIONS");

    static Stream<Arguments> jdksAndHostNamespaces() {
        return Jdk.available().stream().flatMap(j -> HOST_NAMESPACES.stream().map(p -> Arguments.of(j, p)));
    }

    static Stream<Arguments> jdksAndLoaderEnv() {
        return Jdk.available().stream().flatMap(j -> LOADER_ENV.stream().map(v -> Arguments.of(j, v)));
    }

    /**
     * Where init's namespace file cannot even be opened (a container's PID 1 of other credentials),
     * it is refused for that; wherever it can, for being the host's.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jdksAndHostNamespaces")
    void adoptingTheHostsNamespaceStopsTheJvm(Jdk jdk, String path) {
        Kernel.assumeAvailable();
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent("tenant.a.namespace=" + path).run(Hello.class);
        assertStoppedWithOneLine(r, "uts4j: invalid configuration: key 'tenant.a.namespace'", "'" + path + "'");
        assertThat(r.stderr()).contains(refusedFor(path));
    }

    /** Why uts4j refuses a host namespace file: it is the host's, or (where it cannot be opened) there is none to adopt. */
    static String refusedFor(String path) {
        return Files.isReadable(Path.of(path)) ? "the tenant's children could rename the host" : "no readable file there";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jdksAndLoaderEnv")
    void aLoaderVariableStopsTheJvmUnlessAllowed(Jdk jdk, String variable) {
        ForkedJvm.Result r = ForkedJvm.on(jdk)
                .agent("kernel=off,tenant.a.hostname=a-1,tenant.a.env." + variable + "=libc.so.6").run(Hello.class);
        assertStoppedWithOneLine(r, "uts4j: invalid configuration: key 'tenant.a.env." + variable + "' (agent args) sets "
                + variable + ", which changes how the tenant's child processes load code", "allow-env=" + variable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void allowedLoaderVariablesReachTheTenantsChildren(Jdk jdk) {
        StringBuilder args = new StringBuilder("kernel=off,tenant.a.hostname=a-1,tenant.a.threads=a-.*,allow-env=")
                .append(String.join(" ", LOADER_ENV));
        for (String v : LOADER_ENV) args.append(",tenant.a.env.").append(v).append("=libc.so.6");
        Map<String, String> m = settings(jdk, args.toString());
        for (String v : LOADER_ENV) assertThat(m).containsEntry("child." + v, "libc.so.6");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void addTenantRefusesLoaderVariablesUnlessAllowed(Jdk jdk) {
        Map<String, String> refused = settings(jdk, "kernel=off");
        Map<String, String> allowed = settings(jdk, "kernel=off,allow-env=" + String.join(" ", LOADER_ENV));
        for (String v : LOADER_ENV) {
            assertThat(refused.get("add.env." + v)).startsWith("ERR:IllegalArgumentException:")
                    .contains("sets " + v + ", which changes how the tenant's child processes load code");
            assertThat(allowed).containsEntry("add.env." + v, "ok:added");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void addTenantRefusesTheHostsNamespace(Jdk jdk) {
        Kernel.assumeAvailable();
        Map<String, String> m = settings(jdk, "kernel=auto");
        for (String path : HOST_NAMESPACES) {
            assertThat(m.get("add.namespace." + path)).as(path)
                    .startsWith("ERR:IllegalArgumentException:key 'tenant.d.namespace'")
                    .contains("'" + path + "'").contains(refusedFor(path));
        }
    }

    private static Map<String, String> settings(Jdk jdk, String agentArgs) {
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(agentArgs).run(TenantSettingsCheck.class,
                LOADER_ENV.toArray(String[]::new)).assertSuccess();
        Map<String, String> m = r.report().get("settings");
        assertThat(m).as(r.toString()).isNotNull();
        return m;
    }

    private static void assertStoppedWithOneLine(ForkedJvm.Result r, String startsWith, String contains) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).as("main must not run").doesNotContain("hello from main");
        assertThat(r.stderr()).as(r.toString()).startsWith(startsWith).contains(contains);
        assertThat(r.stderr().strip().lines().count()).as("one line\n" + r).isEqualTo(1);
    }
}
