package io.uts4j.bootstrap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Launches a bound thread's child process as the tenant's: from a thread inside the tenant's
 * namespace when it has one, and with the tenant's environment overrides ({@code HOSTNAME} and
 * {@code env.*}) unless the caller set those variables in the builder itself. The caller's
 * builder is never changed: a copy is launched, with the same command, directory, redirects
 * and environment.
 */
public final class ProcessLaunch {
    private ProcessLaunch() {}

    static Process start(Tenant t, ProcessBuilder pb, Map<String, String> realEnv) throws IOException {
        ProcessBuilder copy = copy(t, pb, realEnv);
        TenantNamespace ns = t.namespace();
        Process p = ns != null ? ns.start(copy) : startOnCallingThread(copy);
        t.countLaunch();
        return p;
    }

    /** Starts an already prepared builder on the calling thread, past the advice. */
    public static Process startOnCallingThread(ProcessBuilder prepared) throws IOException {
        try (ScopeFrame unbound = ScopeFrame.open(null)) { // its own start() must not come back here
            return prepared.start();
        }
    }

    /** As {@link #startOnCallingThread}, for a pipeline. */
    public static List<Process> startPipelineOnCallingThread(List<ProcessBuilder> prepared) throws IOException {
        try (ScopeFrame unbound = ScopeFrame.open(null)) {
            return ProcessBuilder.startPipeline(prepared);
        }
    }

    static List<Process> startPipeline(Tenant t, List<ProcessBuilder> builders, Map<String, String> realEnv)
            throws IOException {
        List<ProcessBuilder> copies = new ArrayList<>(builders.size());
        for (ProcessBuilder pb : builders) copies.add(copy(t, pb, realEnv));
        TenantNamespace ns = t.namespace();
        List<Process> started = ns != null ? ns.startPipeline(copies) : startPipelineOnCallingThread(copies);
        for (int i = 0; i < started.size(); i++) t.countLaunch();
        return started;
    }

    private static ProcessBuilder copy(Tenant t, ProcessBuilder pb, Map<String, String> realEnv) {
        ProcessBuilder c = new ProcessBuilder(new ArrayList<>(pb.command()))
                .directory(pb.directory())
                .redirectInput(pb.redirectInput())
                .redirectOutput(pb.redirectOutput())
                .redirectError(pb.redirectError())
                .redirectErrorStream(pb.redirectErrorStream());
        Map<String, String> env = c.environment();
        env.clear();
        env.putAll(pb.environment());
        for (Map.Entry<String, String> o : t.envOverrides().entrySet()) {
            // A value the caller left as inherited from the JVM becomes the tenant's; one it set stays.
            if (Objects.equals(env.get(o.getKey()), realEnv.get(o.getKey()))) env.put(o.getKey(), o.getValue());
        }
        return c;
    }
}
