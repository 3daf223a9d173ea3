package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.kernel.NamespaceException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The raw bindings against the real kernel: errno values, and the messages they map to. */
@EnabledOnOs(OS.LINUX)
class SyscallErrorsTest {

    @Test
    void setnsWithAnUnopenedDescriptorIsEbadf() {
        // On a throw-away thread: were setns to succeed, only that thread would move.
        NamespaceException e = onThrowAwayThread(() -> Syscalls.setnsUts(1_000_000, "uts:[test]"));
        assertThat(e.errno()).isEqualTo(Errno.EBADF);
        assertThat(e.reason()).isEqualTo(Reason.BAD_FD);
        assertThat(e.getMessage()).contains("setns(fd 1000000, CLONE_NEWUTS)").contains("uts:[test]")
                .contains("EBADF");
    }

    @Test
    void setnsWithANamespaceOfAnotherTypeIsEinval() {
        int fd = Syscalls.openReadOnly("/proc/self/ns/net");
        try {
            NamespaceException e = onThrowAwayThread(() -> Syscalls.setnsUts(fd, "/proc/self/ns/net"));
            assertThat(e.errno()).isEqualTo(Errno.EINVAL);
            assertThat(e.reason()).isEqualTo(Reason.INVALID);
        } finally {
            Syscalls.close(fd);
        }
    }

    @Test
    void nsGetNstypeSaysUts() {
        int fd = Syscalls.openReadOnly("/proc/thread-self/ns/uts");
        try {
            assertThat(Syscalls.namespaceType(fd, "/proc/thread-self/ns/uts")).isEqualTo(LinuxLibc.CLONE_NEWUTS)
                    .isEqualTo(0x04000000);
        } finally {
            Syscalls.close(fd);
        }
    }

    @Test
    void errnoMessagesSayWhatToDo() {
        assertThat(Errno.toException(Errno.EPERM, "unshare(CLONE_NEWUTS)", null, null))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.PERMISSION))
                .hasMessageContaining("CAP_SYS_ADMIN").hasMessageContaining("unshare -Uru");
        assertThat(Errno.toException(Errno.ENOSPC, "unshare(CLONE_NEWUTS)", null, null))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT))
                .hasMessageContaining("/proc/sys/user/max_uts_namespaces");
        assertThat(Errno.toException(Errno.ENOENT, "open", "/x/y", null))
                .satisfies(e -> assertThat(e.path()).contains("/x/y"))
                .hasMessage("open on /x/y failed: ENOENT (No such file or directory)");
        assertThat(Errno.toException(99, "open", null, null).reason()).isEqualTo(Reason.OTHER);
    }

    private static NamespaceException onThrowAwayThread(Runnable call) {
        return ShortLivedThread.call("syscall-test", () -> catching(call));
    }

    private static NamespaceException catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (NamespaceException e) {
            return e;
        }
    }
}
