package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.uts4j.kernel.NamespaceException.Reason;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class FdLeakTest {

    @BeforeEach
    void needsKernel() {
        // Without it, every attempt below would fail for want of JNA or privilege, and "no
        // descriptor leaked" would hold trivially.
        KernelAssumptions.assumeKernel();
    }

    @Test
    void thousandsOfCreateCloseCyclesLeakNoDescriptor() {
        UtsNamespace.create("warm-up", null).close(); // JNA opens its own files once
        long before = Processes.openFds();
        for (int i = 0; i < 2000; i++) {
            UtsNamespace ns = UtsNamespace.create("cycle-" + i, null);
            if (i % 100 == 0) {
                assertThat(ns.names().hostname()).isEqualTo("cycle-" + i);
            }
            ns.close();
        }
        assertThat(Processes.openFds()).isLessThanOrEqualTo(before + 2); // slack for the JVM's own files
    }

    @Test
    void rejectedAdoptionsLeakNoDescriptor(@TempDir Path dir) {
        Path fifo = dir.resolve("fifo");
        Processes.output("mkfifo", fifo.toString());
        List<Path> notUts = List.of(Path.of("/proc/self/ns/net"), Path.of("/proc/self/status"), Path.of("/dev/zero"),
                dir, fifo);
        notUts.forEach(FdLeakTest::rejected);
        long before = Processes.openFds();
        for (int i = 0; i < 200; i++) {
            notUts.forEach(FdLeakTest::rejected);
        }
        assertThat(Processes.openFds()).isLessThanOrEqualTo(before + 2);
    }

    /** Each rejection must be the one meant: not a missing JNA (UNSUPPORTED) or privilege. */
    private static void rejected(Path path) {
        NamespaceException e = catchThrowableOfType(NamespaceException.class, () -> UtsNamespace.adopt(path));
        assertThat(e).as("adopt(%s)", path).isNotNull();
        assertThat(e.reason()).as("adopt(%s): %s", path, e.getMessage()).isEqualTo(Reason.INVALID);
    }
}
