package io.uts4j.agent.tenants;

import io.uts4j.agent.kernel.TenantNamespace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jdk.internal.misc.Uts4jInstall;

/**
 * Launches a bound thread's child process as the tenant's: from a thread inside the tenant's
 * namespace when it has one, and with the tenant's environment overrides ({@code HOSTNAME} and
 * {@code env.*}) unless the caller set those variables in the builder itself. The caller's builder
 * is never changed: a copy is launched, with the same command, directory, redirects and environment.
 */
final class ProcessLauncher {
    private ProcessLauncher() {}

    static Process start(TenantRuntime t, ProcessBuilder pb, Map<String, String> realEnv) throws IOException {
        ProcessBuilder copy = copy(t, pb, realEnv);
        TenantNamespace ns = t.namespace();
        Process p;
        if (ns != null) {
            p = ns.start(copy);
        } else {
            try (AutoCloseable host = Uts4jInstall.hostScope()) { // the copy's own start() must not come back here
                p = copy.start();
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        t.countLaunches(1);
        return p;
    }

    static List<Process> startPipeline(TenantRuntime t, List<ProcessBuilder> builders, Map<String, String> realEnv)
            throws IOException {
        List<ProcessBuilder> copies = new ArrayList<>(builders.size());
        for (ProcessBuilder pb : builders) copies.add(copy(t, pb, realEnv));
        TenantNamespace ns = t.namespace();
        List<Process> started;
        if (ns != null) {
            started = ns.startPipeline(copies);
        } else {
            try (AutoCloseable host = Uts4jInstall.hostScope()) {
                started = ProcessBuilder.startPipeline(copies);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        t.countLaunches(started.size());
        return started;
    }

    private static ProcessBuilder copy(TenantRuntime t, ProcessBuilder pb, Map<String, String> realEnv) {
        ProcessBuilder c = new ProcessBuilder(new ArrayList<>(pb.command()))
                .directory(pb.directory())
                .redirectInput(pb.redirectInput())
                .redirectOutput(pb.redirectOutput())
                .redirectError(pb.redirectError())
                .redirectErrorStream(pb.redirectErrorStream());
        Map<String, String> env = c.environment();
        env.clear();
        env.putAll(pb.environment());
        for (Map.Entry<String, String> o : t.tenant().envOverrides().entrySet()) {
            // A value the caller left as inherited from the JVM becomes the tenant's; one it set stays.
            if (Objects.equals(env.get(o.getKey()), realEnv.get(o.getKey()))) env.put(o.getKey(), o.getValue());
        }
        return c;
    }
}
