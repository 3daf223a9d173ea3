package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class FdLeakTest {

    @Test
    void thousandsOfCreateCloseCyclesLeakNoDescriptor() {
        KernelAssumptions.assumeKernel();
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
    void rejectedAdoptionsLeakNoDescriptor() {
        catchThrowable(() -> UtsNamespace.adopt(Path.of("/proc/self/ns/net")));
        long before = Processes.openFds();
        for (int i = 0; i < 500; i++) {
            assertThat(catchThrowable(() -> UtsNamespace.adopt(Path.of("/proc/self/ns/net"))))
                    .isInstanceOf(NamespaceException.class);
            assertThat(catchThrowable(() -> UtsNamespace.adopt(Path.of("/proc/self/status"))))
                    .isInstanceOf(NamespaceException.class);
        }
        assertThat(Processes.openFds()).isLessThanOrEqualTo(before + 2);
    }
}
