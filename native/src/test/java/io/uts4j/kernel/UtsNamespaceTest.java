package io.uts4j.kernel;

import static io.uts4j.kernel.Processes.output;
import static io.uts4j.kernel.Processes.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class UtsNamespaceTest {

    private String hostHostname;
    private String hostDomainname;
    private long hostInode;

    @BeforeEach
    void recordHost() {
        KernelAssumptions.assumeKernel();
        hostHostname = read("/proc/sys/kernel/hostname");
        hostDomainname = read("/proc/sys/kernel/domainname");
        hostInode = UtsNamespace.currentThreadInode();
    }

    @AfterEach
    void hostIsUntouched() {
        assertThat(read("/proc/sys/kernel/hostname")).isEqualTo(hostHostname);
        assertThat(read("/proc/sys/kernel/domainname")).isEqualTo(hostDomainname);
        assertThat(UtsNamespace.currentThreadInode()).isEqualTo(hostInode);
    }

    @Test
    void createdNamespaceReportsItsNames() {
        try (UtsNamespace ns = UtsNamespace.create("tenant-a", "dom-a")) {
            UtsNames names = ns.names();
            assertThat(names.hostname()).isEqualTo("tenant-a");
            assertThat(names.domainname()).isEqualTo("dom-a");
        }
    }

    @Test
    void childProcessesSpawnedFromExecutorThreadSeeTheNames() throws Exception {
        try (UtsNamespace ns = UtsNamespace.create("tenant-proc", "dom-proc");
             NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            List<String> seen = executor.call(() -> List.of(
                    output("hostname"),
                    output("uname", "-n"),
                    output("cat", "/proc/sys/kernel/hostname"),
                    output("cat", "/proc/sys/kernel/domainname")));
            assertThat(seen).containsExactly("tenant-proc", "tenant-proc", "tenant-proc", "dom-proc");
        }
    }

    @Test
    void callingThreadAndHostKeepTheirNames() throws Exception {
        try (UtsNamespace ns = UtsNamespace.create("tenant-b", "dom-b");
             NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            assertThat(executor.call(() -> read("/proc/sys/kernel/hostname"))).isEqualTo("tenant-b");
            ns.setHostname("tenant-b2");

            assertThat(read("/proc/sys/kernel/hostname")).isEqualTo(hostHostname);
            assertThat(output("hostname")).isEqualTo(hostHostname);
            assertThat(UtsNamespace.currentThreadNames().hostname()).isEqualTo(hostHostname);
            assertThat(UtsNamespace.currentThreadInode()).isEqualTo(hostInode).isNotEqualTo(ns.inode());
        }
    }

    @Test
    void onlyTheDedicatedThreadChangesNamespace() throws Exception {
        long processNs = NamespaceId.of(Path.of("/proc/self/ns/uts")).inode();
        try (UtsNamespace ns = UtsNamespace.create("tenant-c", null);
             NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            // Inside: the thread's own namespace moved, the main thread's (/proc/self/ns/uts) did not.
            long[] inside = executor.call(() -> new long[] {
                NamespaceId.of(Path.of("/proc/self/ns/uts")).inode(), UtsNamespace.currentThreadInode()});
            assertThat(inside[0]).isEqualTo(processNs);
            assertThat(inside[1]).isEqualTo(ns.inode());

            assertThat(onNewThread(() -> read("/proc/sys/kernel/hostname"))).isEqualTo(hostHostname);
        }
    }

    @Test
    void siblingNamespacesAreIsolated() {
        try (UtsNamespace a = UtsNamespace.create("sibling-a", "dom-sa");
             UtsNamespace b = UtsNamespace.create("sibling-b", "dom-sb")) {
            a.setHostname("sibling-a2");
            a.setDomainname("dom-sa2");
            assertThat(a.names().hostname()).isEqualTo("sibling-a2");
            assertThat(a.names().domainname()).isEqualTo("dom-sa2");
            assertThat(b.names().hostname()).isEqualTo("sibling-b");
            assertThat(b.names().domainname()).isEqualTo("dom-sb");
            assertThat(a.sameAs(b)).isFalse();
        }
    }

    @Test
    void changeIsSeenByEveryThreadInTheNamespace() throws Exception {
        int threads = 3;
        CyclicBarrier before = new CyclicBarrier(threads + 1);
        CyclicBarrier after = new CyclicBarrier(threads + 1);
        try (UtsNamespace ns = UtsNamespace.create("shared-old", null);
             NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(threads).build()) {
            List<CompletableFuture<String>> seen = Stream.generate(() -> executor.submit(() -> {
                String old = read("/proc/sys/kernel/hostname");
                before.await(10, TimeUnit.SECONDS);
                after.await(10, TimeUnit.SECONDS);
                return old + "->" + Syscalls.gethostname() + "@" + Thread.currentThread().getName();
            })).limit(threads).toList();
            before.await(10, TimeUnit.SECONDS); // all three threads are busy, so they are distinct
            ns.setHostname("shared-new");
            after.await(10, TimeUnit.SECONDS);

            List<String> results = new ArrayList<>();
            for (CompletableFuture<String> one : seen) {
                results.add(one.get(10, TimeUnit.SECONDS));
            }
            assertThat(results).allMatch(r -> r.startsWith("shared-old->shared-new@"));
            assertThat(results.stream().map(r -> r.substring(r.indexOf('@'))).distinct()).hasSize(threads);
        }
    }

    /** Each of the six fields of {@code struct utsname}, read by uts4j, is what {@code uname} itself prints. */
    @Test
    void namesAreEachTheFieldUnameReports() {
        UtsNames names = UtsNamespace.currentThreadNames();
        assertThat(names.sysname()).isEqualTo(output("uname", "-s"));
        assertThat(names.hostname()).isEqualTo(output("uname", "-n"));
        assertThat(names.release()).isEqualTo(output("uname", "-r"));
        assertThat(names.version()).isEqualTo(output("uname", "-v"));
        assertThat(names.machine()).isEqualTo(output("uname", "-m"));
        assertThat(names.domainname()).isEqualTo(read("/proc/sys/kernel/domainname"));
    }

    @Test
    void newNamespaceStartsAsACopyOfItsCreatorsNames() throws Exception {
        UtsNames host = UtsNamespace.currentThreadNames();
        try (UtsNamespace fromHost = UtsNamespace.create("copy-1", null)) {
            UtsNames names = fromHost.names();
            assertThat(names.domainname()).isEqualTo(hostDomainname);
            assertThat(names.sysname()).isEqualTo(host.sysname()).isEqualTo("Linux");
            assertThat(names.release()).isEqualTo(host.release());
            assertThat(names.version()).isEqualTo(host.version());
            assertThat(names.machine()).isEqualTo(host.machine());
        }
        // Created from a thread inside another namespace, it copies that namespace, not the host.
        try (UtsNamespace parent = UtsNamespace.create("parent", "dom-parent");
             NamespaceExecutor executor = NamespaceExecutor.of(parent);
             UtsNamespace child = executor.call(() -> UtsNamespace.create("child", null))) {
            assertThat(child.names().domainname()).isEqualTo("dom-parent");
            assertThat(child.names().hostname()).isEqualTo("child");
        }
    }

    @Test
    void threadsAndProcessesStartedInsideInheritTheNamespace() throws Exception {
        try (UtsNamespace ns = UtsNamespace.create("inherited", null);
             NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            String fromThread = executor.call(() -> onNewThread(
                    () -> NamespaceExecutor.current().isPresent() + " " + read("/proc/sys/kernel/hostname")));
            assertThat(fromThread).isEqualTo("false inherited");
            assertThat(executor.call(() -> output("sh", "-c", "sh -c hostname"))).isEqualTo("inherited");
        }
    }

    @Test
    void descriptorKeepsNamespaceAliveAfterItsCreatorEnded() throws Exception {
        try (UtsNamespace ns = UtsNamespace.create("kept-alive", "dom-kept")) {
            // Thread.join() returns slightly before the OS thread is gone, so give the kernel a moment.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!tasksIn(ns.inode()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(tasksIn(ns.inode())).as("threads of this JVM in the namespace").isEmpty();
            try (NamespaceExecutor later = NamespaceExecutor.of(ns)) {
                assertThat(later.call(() -> output("hostname") + " " + read("/proc/sys/kernel/domainname")))
                        .isEqualTo("kept-alive dom-kept");
            }
        }
    }

    @Test
    void identityIsTheNsfsInode() throws Exception {
        try (UtsNamespace host1 = UtsNamespace.ofCurrentThread();
             UtsNamespace host2 = UtsNamespace.ofCurrentThread();
             UtsNamespace ns = UtsNamespace.create("identity", null);
             NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            assertThat(host1.sameAs(host2)).isTrue();
            assertThat(host1.inode()).isEqualTo(hostInode);
            assertThat(host1.sameAs(ns)).isFalse();
            assertThat(ns.device()).isEqualTo(host1.device());
            String link = executor.call(() -> Files.readSymbolicLink(NamespaceId.CURRENT_THREAD).toString());
            assertThat(link).isEqualTo("uts:[" + ns.inode() + "]");
            assertThat(ns.toString()).contains("uts:[" + ns.inode() + "]");
        }
    }

    @Test
    void closedHandleRefusesUse() {
        UtsNamespace ns = UtsNamespace.create("closed", null);
        long inode = ns.inode();
        ns.close();
        ns.close(); // idempotent
        assertThat(ns.isClosed()).isTrue();
        assertThat(ns.inode()).isEqualTo(inode);
        assertThatThrownBy(ns::names).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> ns.setHostname("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ns::join).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void probeReportsUsable() {
        KernelSupport.Probe probe = KernelSupport.probe();
        assertThat(probe.usable()).as(probe.reason()).isTrue();
        assertThat(UtsNamespace.isSupported()).isTrue();
    }

    /** @return what {@code job} returns on a new thread, or what it throws (within 10 s) */
    private static <T> T onNewThread(Callable<T> job) throws Exception {
        FutureTask<T> task = new FutureTask<>(job);
        Thread thread = new Thread(task, "plain-thread");
        thread.setDaemon(true);
        thread.start();
        return task.get(10, TimeUnit.SECONDS);
    }

    /** @return the ids of this JVM's threads whose UTS namespace has {@code inode} */
    private static List<String> tasksIn(long inode) throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return NamespaceId.of(t.resolve("ns/uts")).inode() == inode;
                } catch (NamespaceException gone) { // the thread ended meanwhile
                    return false;
                }
            }).map(Path::toString).toList();
        }
    }
}
