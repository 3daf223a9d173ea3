package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.Hello;
import io.uts4j.it.apps.TenantChildReport;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel=auto|required|off, adopted namespaces, and an unprivileged JVM. */
class KernelModeTest {
    static final String ALPHA = "tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*";

    @TempDir
    Path dir;
    private Path bound; // a namespace file bind-mounted by unshare --uts=FILE
    private String host;

    @BeforeEach
    void setUp() {
        Kernel.assumeAvailable();
        host = Children.run("hostname");
    }

    @AfterEach
    void unmount() {
        if (bound != null) Children.run("umount", bound.toString());
    }

    private Path persistentNamespace(String hostname) throws IOException {
        bound = Files.createFile(dir.resolve("uts-ns"));
        String out = Children.run("unshare", "--uts=" + bound, "hostname", hostname);
        Kernel.assume(out.isEmpty(), "unshare --uts=FILE cannot persist a namespace here: " + out);
        return bound;
    }

    @Test
    void adoptsANamespaceMadeByUnshareAndTakesItsName() throws IOException {
        Path ns = persistentNamespace("adopted-host");
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current())
                .agent("tenant.alpha.namespace=" + ns + ",tenant.alpha.threads=alpha-.*")
                .run(TenantChildReport.class).assertSuccess();
        Map<String, String> alpha = r.report().get("alpha");
        assertThat(alpha).as(r.toString()).containsEntry("java", "adopted-host").containsEntry("hostname", "adopted-host")
                .containsEntry("uname", "adopted-host").containsEntry("env.HOSTNAME", "adopted-host")
                .containsEntry("kernel", "tenant alpha adopted-host");
        assertThat(r.report().get("main")).containsEntry("hostname", host);
    }

    @Test
    void adoptedNamespaceWhoseNameDisagreesWithTheHostnameKeyStopsTheJvm() throws IOException {
        Path ns = persistentNamespace("adopted-host");
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current())
                .agent("tenant.alpha.hostname=other,tenant.alpha.namespace=" + ns).run(Hello.class);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).doesNotContain("hello");
        assertThat(r.stderr()).contains("key 'tenant.alpha.hostname' has value 'other', but the namespace it adopts ("
                + ns + ") holds hostname 'adopted-host'");
    }

    @Test
    void adoptingAFileThatIsNotANamespaceStopsTheJvm() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-namespace"), "x");
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current())
                .agent("tenant.alpha.hostname=a,tenant.alpha.namespace=" + file).run(Hello.class);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("uts4j: invalid configuration: key 'tenant.alpha.namespace' has value '"
                + file + "'");
        ForkedJvm.Result net = ForkedJvm.on(Jdk.current())
                .agent("tenant.alpha.hostname=a,tenant.alpha.namespace=/proc/self/ns/net").run(Hello.class);
        assertThat(net.exitCode()).as(net.toString()).isEqualTo(2);
        assertThat(net.stderr()).contains("'/proc/self/ns/net'");
    }

    @Test
    void kernelOffAndNamespaceNoneKeepChildrenOnTheHostButGiveThemTheTenantsHostnameVariable() {
        for (String args : new String[] {ALPHA + ",kernel=off", ALPHA + ",tenant.alpha.namespace=none"}) {
            ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent(args).run(TenantChildReport.class).assertSuccess();
            assertThat(r.report().get("alpha")).as(r.toString()).containsEntry("java", "alpha")
                    .containsEntry("hostname", host).containsEntry("env.HOSTNAME", "alpha").containsEntry("kernel", "none");
            assertThat(r.unexpectedStderr()).as(args).isEmpty();
        }
    }

    @Test
    void unprivilegedJvmRunsJavaLevelUnderAutoAndSaysHowToGetKernelMode() throws IOException {
        ForkedJvm.Result r = asNobody().agent(ALPHA).run(TenantChildReport.class).assertSuccess();
        assertThat(r.report().get("alpha")).as(r.toString()).containsEntry("java", "alpha")
                .containsEntry("hostname", host).containsEntry("env.HOSTNAME", "alpha").containsEntry("kernel", "none");
        assertThat(r.unexpectedStderr()).as(r.toString())
                .startsWith("uts4j: kernel UTS namespaces are not available to this JVM (")
                .contains("CAP_SYS_ADMIN").contains("unshare -Uru").contains("Java-level identity only");
        assertThat(r.unexpectedStderr().lines().count()).as("said once").isEqualTo(1);
    }

    @Test
    void unprivilegedJvmRefusesToStartUnderRequired() throws IOException {
        ForkedJvm.Result r = asNobody().agent(ALPHA + ",kernel=required").run(Hello.class);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stdout()).doesNotContain("hello");
        assertThat(r.unexpectedStderr()).as(r.toString())
                .startsWith("uts4j: kernel UTS namespaces are not available to this JVM (")
                .contains("kernel=required").contains("CAP_SYS_ADMIN").contains("unshare -Uru java");
    }

    @Test
    void unprivilegedJvmInAUserNamespaceGetsKernelMode() throws IOException {
        ForkedJvm jvm = asNobody("unshare", "-Ur");
        ForkedJvm.Result r = jvm.agent(ALPHA + ",kernel=required").run(TenantChildReport.class);
        Kernel.assume(!r.stderr().contains("unshare: unshare failed"), "no user namespaces for nobody: " + r.stderr());
        r.assertSuccess();
        assertThat(r.report().get("alpha")).as(r.toString()).containsEntry("hostname", "alpha")
                .containsEntry("java", "alpha").containsEntry("kernel", "tenant alpha alpha");
    }

    /** A JVM run as user nobody, from copies of the jar and classes that nobody may read. */
    private ForkedJvm asNobody(String... wrapper) throws IOException {
        Path root = Files.createDirectories(dir.resolve("world-readable"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = root.resolve("uts4j-agent.jar");
        Files.copy(ForkedJvm.AGENT_JAR, jar, StandardCopyOption.REPLACE_EXISTING);
        Path classes = root.resolve("classes");
        copyTree(Path.of(System.getProperty("uts4j.testClasses")), classes);
        makeReadable(root);
        String[] prefix = new String[wrapper.length + 4];
        prefix[0] = "setpriv";
        prefix[1] = "--reuid=65534";
        prefix[2] = "--regid=65534";
        prefix[3] = "--clear-groups";
        System.arraycopy(wrapper, 0, prefix, 4, wrapper.length);
        return ForkedJvm.on(Jdk.current()).agentJar(jar).classpath(classes.toString()).prefix(prefix)
                .jvmArgs("-Duser.home=/tmp");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeReadable(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
