package io.uts4j.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived forked JVM (a server): started with a {@link ForkedJvm} command line, it runs until
 * {@link #close()} closes its standard input. Its output is collected as it comes, so that a test can
 * wait for a line and a failure can show everything the server said.
 */
final class ForkedServer implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();

    private ForkedServer(List<String> command) throws IOException {
        this.command = command;
        this.process = new ProcessBuilder(command).start();
        collect(process.getInputStream(), stdout);
        collect(process.getErrorStream(), stderr);
    }

    static ForkedServer start(ForkedJvm jvm, Class<?> main, String... args) {
        try {
            return new ForkedServer(jvm.command(main, args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the server's {@code @who\tkey=value...} report line and returns its values. */
    Map<String, String> awaitReport(String who, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            Map<String, String> report = asResult().report().get(who);
            if (report != null) return report;
            if (!process.isAlive()) throw new AssertionError("the server exited " + process.exitValue() + "\n" + this);
            Thread.sleep(50);
        }
        throw new AssertionError("no @" + who + " line after " + timeoutSeconds + " s\n" + this);
    }

    /** Writes one line to the server's standard input (a command, for servers that read them). */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    long pid() {
        return process.pid();
    }

    /** What the server printed so far, as a forked run's result (exit code -1 while it runs). */
    ForkedJvm.Result asResult() {
        return new ForkedJvm.Result(command, process.isAlive() ? -1 : process.exitValue(), stdout.toString(),
                stderr.toString());
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    @Override
    public String toString() {
        return asResult().toString();
    }

    private static void collect(InputStream in, StringBuffer into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) into.append(line).append('\n');
            } catch (IOException e) {
                into.append("(output lost: ").append(e).append(")\n");
            }
        }, "server-output");
        t.setDaemon(true);
        t.start();
    }
}
