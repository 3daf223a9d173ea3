package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uts4j.kernel.NamespaceException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void rejectsARegularFileNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-namespace"), "x");
        assertThatThrownBy(() -> UtsNamespace.adopt(file))
                .isInstanceOfSatisfying(NamespaceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.path()).contains(file.toString());
                })
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a namespace file");
    }

    @Test
    void rejectsANamespaceOfAnotherTypeNamingIt() {
        assertThatThrownBy(() -> UtsNamespace.adopt(Path.of("/proc/self/ns/net")))
                .isInstanceOfSatisfying(NamespaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                .hasMessageContaining("/proc/self/ns/net")
                .hasMessageContaining("network namespace")
                .hasMessageContaining("not a UTS namespace");
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
}
