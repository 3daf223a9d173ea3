package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uts4j.kernel.NamespaceException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class NameLimitsTest {

    private static final String NAME_64 = "h".repeat(64);
    private static final String NAME_65 = "h".repeat(65);

    @Test
    void sixtyFourByteNamesAreAccepted() {
        KernelAssumptions.assumeKernel();
        try (UtsNamespace ns = UtsNamespace.create(NAME_64, "d".repeat(64))) {
            assertThat(ns.names().hostname()).isEqualTo(NAME_64);
            assertThat(ns.names().domainname()).isEqualTo("d".repeat(64));
        }
    }

    @Test
    void sixtyFiveByteNamesAreRejectedBeforeTheKernel() {
        // errno 0 shows the check came before any system call; the file count shows nothing was opened.
        long fds = Processes.openFds();
        assertThatThrownBy(() -> UtsNamespace.create(NAME_65, null))
                .isInstanceOfSatisfying(NamespaceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.errno()).isZero();
                })
                .hasMessageContaining("65 bytes").hasMessageContaining("at most 64");
        assertThatThrownBy(() -> UtsNamespace.create("ok", "d".repeat(65)))
                .isInstanceOf(NamespaceException.class).hasMessageContaining("domainname");
        assertThat(Processes.openFds()).isEqualTo(fds);
    }

    @Test
    void nameLengthCountsUtf8Bytes() {
        String thirtyThreeChars = "é".repeat(33); // 66 bytes
        assertThatThrownBy(() -> UtsNamespace.create(thirtyThreeChars, null))
                .isInstanceOf(NamespaceException.class).hasMessageContaining("66 bytes");
    }

    @Test
    void emptyNullAndNulNamesAreRejected() {
        assertThatThrownBy(() -> UtsNamespace.create("", null)).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> UtsNamespace.create(null, null)).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> UtsNamespace.create("a\0b", null)).hasMessageContaining("NUL");
    }

    @Test
    void kernelItselfSaysEinvalForSixtyFiveBytes() {
        KernelAssumptions.assumeKernel();
        byte[] tooLong = NAME_65.getBytes(StandardCharsets.US_ASCII);
        // In a throw-away namespace on a throw-away thread, so that an accepted name would harm nothing.
        NamespaceException e = ShortLivedThread.call("einval-test", () -> {
            Syscalls.unshareUts();
            Syscalls.sethostname(NAME_64.getBytes(StandardCharsets.US_ASCII));
            try {
                Syscalls.sethostname(tooLong);
                return null;
            } catch (NamespaceException expected) {
                return expected;
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.errno()).isEqualTo(Errno.EINVAL);
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.getMessage()).startsWith("sethostname(").contains("65 bytes").contains("EINVAL");
    }
}
