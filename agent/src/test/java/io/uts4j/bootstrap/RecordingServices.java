package io.uts4j.bootstrap;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import jdk.internal.misc.Uts4jServices;
import jdk.internal.misc.Uts4jTenant;

/**
 * The agent's side as the bootstrap sees it, reduced to recording what it was asked. Not under test:
 * it lets the tests see which requests the bootstrap let through, and for which tenant.
 */
final class RecordingServices implements Uts4jServices {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Function<ClassLoader, String> describe;

    /** Loaders described by their names (the bootstrap's own fallback when this answers null). */
    RecordingServices() {
        this(loader -> null);
    }

    RecordingServices(Function<ClassLoader, String> describe) {
        this.describe = describe;
    }

    @Override
    public Process startProcess(Uts4jTenant tenant, ProcessBuilder builder) throws IOException {
        calls.add("startProcess " + tenant.id());
        throw new IOException("no processes in these tests");
    }

    @Override
    public List<Process> startPipeline(Uts4jTenant tenant, List<ProcessBuilder> builders) throws IOException {
        calls.add("startPipeline " + tenant.id());
        throw new IOException("no processes in these tests");
    }

    @Override
    public String describeLoader(ClassLoader loader) {
        return describe.apply(loader);
    }

    @Override
    public Object callInNamespace(Uts4jTenant tenant, Callable<?> task) throws Exception {
        calls.add("callInNamespace " + tenant.id());
        return task.call();
    }

    @Override
    public String[] kernelNames(Uts4jTenant tenant) {
        calls.add("kernelNames " + tenant.id());
        return new String[] {tenant.hostname(), tenant.domainname()};
    }

    @Override
    public long inode(Uts4jTenant tenant) {
        calls.add("inode " + tenant.id());
        return 4026531838L;
    }

    @Override
    public void addTenant(String id, Map<String, String> settings) {
        calls.add("addTenant " + id + " " + settings);
    }

    @Override
    public void removeTenant(String id) {
        calls.add("removeTenant " + id);
    }
}
