package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ForkedCheck} in JVMs the kernel treats differently: as user {@code nobody}, and in a
 * user namespace. The classes and the JNA jar are copied to a world-readable directory first,
 * since {@code nobody} may not read the build tree or ~/.m2.
 */
@EnabledOnOs(OS.LINUX)
class ForkedJvmTest {

    private static final List<String> AS_NOBODY =
            List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    @TempDir
    static Path dir;
    private static String classpath;

    @BeforeAll
    static void copyClassesWhereNobodyCanReadThem() throws Exception {
        KernelAssumptions.assumeKernel(Processes.run(List.of("id", "-u")).output().trim().equals("0"),
                "these tests switch to user nobody, which needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path classes = dir.resolve("classes");
        copyTree(codeSource(UtsNamespace.class), classes);
        copyTree(codeSource(ForkedCheck.class), classes);
        Path jna = dir.resolve("jna.jar");
        Files.copy(codeSource(Native.class), jna);
        Path jnaTmp = Files.createDirectory(dir.resolve("jna-tmp"));
        Files.setPosixFilePermissions(jnaTmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        classpath = classes + ":" + jna;
    }

    @Test
    void unprivilegedCreateFailsWithPermissionAndSaysWhatToDo() {
        String out = runForked(AS_NOBODY, "create");
        assertThat(out).startsWith("FAILED PERMISSION errno=1 unshare(CLONE_NEWUTS) failed: EPERM")
                .contains("CAP_SYS_ADMIN").contains("unshare -Uru");
    }

    @Test
    void unprivilegedExecutorFailsTheTaskRatherThanRunItOutside() {
        String out = runForked(AS_NOBODY, "join-own");
        assertThat(out).contains("ran=false")
                .contains("FAILED PERMISSION errno=1 setns(").contains("CLONE_NEWUTS) on uts:[");
    }

    @Test
    void unprivilegedProbeSaysNoWithTheReason() {
        assertThat(runForked(AS_NOBODY, "probe")).startsWith("PROBE usable=false").contains("EPERM");
    }

    @Test
    void unprivilegedUserInItsOwnUserNamespaceCanCreate() {
        List<String> prefix = new ArrayList<>(AS_NOBODY);
        prefix.addAll(List.of("unshare", "-Uru"));
        String out = runForked(prefix, "create");
        KernelAssumptions.assumeKernel(!out.contains("unshare failed"), "no user namespaces for nobody: " + out);
        assertThat(out).isEqualTo("OK forked");
    }

    @Test
    void reachingMaxUtsNamespacesIsReportedAsLimit() {
        // The limit is per user namespace, so set it to 0 in a fresh one rather than for the whole machine.
        List<String> prefix = List.of("unshare", "-Ur", "sh", "-c",
                "echo 0 > /proc/sys/user/max_uts_namespaces && exec \"$@\"", "sh");
        String out = runForked(prefix, "create");
        assertThat(out).startsWith("FAILED LIMIT errno=28 unshare(CLONE_NEWUTS) failed: ENOSPC")
                .contains("/proc/sys/user/max_uts_namespaces");
    }

    @Test
    void reachingTheLimitHalfWayThroughABatchLeavesNothingBehind() {
        // 2,500 may exist in a fresh user namespace; 3,000 are asked for, on two threads or more.
        List<String> prefix = List.of("unshare", "-Ur", "sh", "-c",
                "echo 2500 > /proc/sys/user/max_uts_namespaces && exec \"$@\"", "sh");
        String out = runForked(prefix, "create-all", "3000");
        assertThat(out).contains("FAILED LIMIT errno=28 unshare(CLONE_NEWUTS) failed: ENOSPC");
        Matcher fds = Pattern.compile("FDS before=(\\d+) after=(\\d+)").matcher(out);
        assertThat(fds.find()).as(out).isTrue();
        assertThat(fds.group(2)).as("descriptors open after the failure").isEqualTo(fds.group(1));
    }

    private static String runForked(List<String> prefix, String... check) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djna.tmpdir=" + dir.resolve("jna-tmp"), "-cp", classpath, ForkedCheck.class.getName()));
        command.addAll(List.of(check));
        Processes.Result result = Processes.run(command);
        assertThat(result.exitCode()).as("%s printed %s", command, result.output()).isZero();
        return result.output().trim();
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
