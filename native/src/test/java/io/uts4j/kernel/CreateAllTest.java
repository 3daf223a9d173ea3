package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.uts4j.kernel.NamespaceException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link UtsNamespace#createAll}: many namespaces at once, all or nothing. (A kernel limit reached half-way: ForkedJvmTest.) */
@EnabledOnOs(OS.LINUX)
class CreateAllTest {

    @BeforeEach
    void needsKernel() {
        KernelAssumptions.assumeKernel();
        UtsNamespace.create("warm-up", null).close(); // JNA opens its own files once
    }

    @Test
    void twoThousandNamespacesGetTheirOwnNamesAndReleaseTheirDescriptors() throws Exception {
        String hostDomain = Processes.read("/proc/sys/kernel/domainname");
        long before = Processes.openFds();
        List<InitialNames> names = IntStream.range(0, 2000)
                .mapToObj(i -> new InitialNames("batch-" + i, i % 3 == 0 ? "dom-" + i : null)).toList();
        List<UtsNamespace> all = UtsNamespace.createAll(names);
        try {
            assertThat(all).hasSize(2000);
            assertThat(Processes.openFds()).isGreaterThanOrEqualTo(before + 2000);
            assertThat(all.stream().mapToLong(UtsNamespace::inode).distinct().count()).isEqualTo(2000);
            for (int i : new int[] {0, 1, 2, 3, 999, 1000, 1001, 1998, 1999}) {
                UtsNames seen = all.get(i).names();
                assertThat(seen.hostname()).isEqualTo("batch-" + i);
                assertThat(seen.domainname()).isEqualTo(i % 3 == 0 ? "dom-" + i : hostDomain);
            }
            // Independently of uts4j's own reading: what a process started inside sees.
            try (NamespaceExecutor executor = NamespaceExecutor.of(all.get(1500))) {
                assertThat(executor.call(() -> Processes.output("hostname"))).isEqualTo("batch-1500");
            }
        } finally {
            all.forEach(UtsNamespace::close);
        }
        assertThat(Processes.openFds()).isLessThanOrEqualTo(before + 2); // slack for the JVM's own files
    }

    @Test
    void aNamespaceAskingForNoDomainGetsItsCreatorsAfterOneThatAskedForOne() throws Exception {
        try (UtsNamespace parent = UtsNamespace.create("parent", "dom-parent");
             NamespaceExecutor executor = NamespaceExecutor.of(parent)) {
            List<UtsNamespace> made = executor.call(() -> UtsNamespace.createAll(List.of(
                    new InitialNames("first", null), new InitialNames("second", "dom-second"),
                    new InitialNames("third", null))));
            try {
                assertThat(made).extracting(ns -> ns.names().hostname() + "/" + ns.names().domainname())
                        .containsExactly("first/dom-parent", "second/dom-second", "third/dom-parent");
            } finally {
                made.forEach(UtsNamespace::close);
            }
        }
    }

    @Test
    void anInvalidNameMakesNothingAndSaysWhichEntry() {
        List<InitialNames> names = new ArrayList<>();
        IntStream.range(0, 2000).forEach(i -> names.add(new InitialNames("ok-" + i, null)));
        names.set(1000, new InitialNames("h".repeat(65), null));
        long before = Processes.openFds();
        NamespaceException e = catchThrowableOfType(NamespaceException.class, () -> UtsNamespace.createAll(names));
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.errno()).as("found before any system call").isZero();
        assertThat(e).hasMessageStartingWith("names[1000]: set hostname").hasMessageContaining("65 bytes");
        assertThat(Processes.openFds()).isEqualTo(before);
    }

    @Test
    void noNamesMakeNoNamespace() {
        assertThat(UtsNamespace.createAll(List.of())).isEmpty();
    }
}
