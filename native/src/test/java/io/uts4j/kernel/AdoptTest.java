package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uts4j.kernel.NamespaceException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class AdoptTest {

    @BeforeEach
    void needsKernel() {
        KernelAssumptions.assumeKernel();
    }

    @Test
    void adoptsTheNamespaceOfAChildProcessAndOutlivesIt() throws Exception {
        Process child = new ProcessBuilder("unshare", "--uts", "sh", "-c",
                "hostname adopted-child && echo ready && exec sleep 30").redirectErrorStream(true).start();
        try {
            assertThat(Processes.firstLine(child)).isEqualTo("ready");
            Path byPid = Path.of("/proc/" + child.pid() + "/ns/uts");
            Path byTask = Path.of("/proc/" + child.pid() + "/task/" + child.pid() + "/ns/uts");
            try (UtsNamespace ns = UtsNamespace.adopt(byPid); UtsNamespace viaTask = UtsNamespace.adopt(byTask)) {
                assertThat(ns.names().hostname()).isEqualTo("adopted-child");
                assertThat(viaTask.sameAs(ns)).isTrue();
                assertThat(Files.readSymbolicLink(byPid)).hasToString("uts:[" + ns.inode() + "]");

                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                // Its last process is gone; the descriptor keeps it, and a change made here is seen there.
                ns.setHostname("after-child");
                try (NamespaceExecutor executor = NamespaceExecutor.of(viaTask)) {
                    assertThat(executor.call(() -> Processes.output("hostname"))).isEqualTo("after-child");
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void adoptsANamespaceBindMountedOnAFile(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("uts"));
        Processes.Result bound = Processes.run(List.of("unshare", "--uts=" + file, "hostname", "bound-name"));
        KernelAssumptions.assumeKernel(bound.exitCode() == 0, "unshare --uts=FILE failed: " + bound.output());
        try (UtsNamespace ns = UtsNamespace.adopt(file)) {
            assertThat(ns.names().hostname()).isEqualTo("bound-name");
        } finally {
            Processes.output("umount", file.toString());
        }
    }

    @Test
    void followsASymbolicLinkToANamespaceFile(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("uts"));
        Processes.Result bound = Processes.run(List.of("unshare", "--uts=" + file, "hostname", "linked-name"));
        KernelAssumptions.assumeKernel(bound.exitCode() == 0, "unshare --uts=FILE failed: " + bound.output());
        try (UtsNamespace ns = UtsNamespace.adopt(Files.createSymbolicLink(dir.resolve("link"), file))) {
            assertThat(ns.names().hostname()).isEqualTo("linked-name");
        } finally {
            Processes.output("umount", file.toString());
        }
    }

    @Test
    void rejectsAFifoAtOnceInsteadOfWaitingForAWriter(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        Processes.output("mkfifo", fifo.toString());
        assertThat(adoptFailure(fifo)).hasMessage(fifo + " is not a namespace file: it is a FIFO (named pipe); "
                + NamespaceFile.EXPECTED);
    }

    @Test
    void rejectsADeviceWithoutOpeningIt() throws Exception {
        assertThat(adoptFailure(Path.of("/dev/zero"))).hasMessageStartingWith(
                "/dev/zero is not a namespace file: it is a character device; expected /proc/<pid>/ns/uts");
    }

    @Test
    void rejectsASymbolicLinkToADevice(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
        try {
            assertThat(adoptFailure(link)).hasMessageContaining("it is a character device");
        } finally {
            Files.delete(link); // JUnit would warn about a link out of its directory
        }
    }

    @Test
    void rejectsADirectory(@TempDir Path dir) throws Exception {
        assertThat(adoptFailure(dir)).hasMessageContaining(dir + " is not a namespace file: it is a directory");
    }

    @Test
    void rejectsARegularFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-namespace"), "x");
        assertThat(adoptFailure(file))
                .satisfies(e -> assertThat(e.path()).contains(file.toString()))
                .hasMessageContaining(file + " is not a namespace file: it is a regular file outside nsfs");
    }

    @Test
    void rejectsANamespaceOfAnotherType() throws Exception {
        assertThat(adoptFailure(Path.of("/proc/self/ns/net")))
                .hasMessageStartingWith("/proc/self/ns/net is a network namespace (CLONE_NEWNET), not a UTS namespace;");
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> UtsNamespace.adopt(missing))
                .isInstanceOfSatisfying(NamespaceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                })
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("ENOENT");
    }

    /**
     * Adopts {@code path} on a helper thread, so that a regression that blocks (as open() on a FIFO
     * did) fails the test after 10 s instead of hanging it.
     *
     * @return the INVALID failure adopt threw
     */
    private static NamespaceException adoptFailure(Path path) throws Exception {
        FutureTask<Throwable> attempt = new FutureTask<>(() -> {
            try (UtsNamespace unexpected = UtsNamespace.adopt(path)) {
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread thread = new Thread(attempt, "adopt " + path);
        thread.setDaemon(true);
        thread.start();
        Throwable failure;
        try {
            failure = attempt.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError("adopt(" + path + ") still blocks after 10 s");
        }
        assertThat(failure).as("adopt(%s)", path).isInstanceOf(NamespaceException.class);
        NamespaceException e = (NamespaceException) failure;
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        return e;
    }
}
