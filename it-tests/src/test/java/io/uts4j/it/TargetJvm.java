package io.uts4j.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A forked JVM others attach to: its output goes to files, complete once it has exited, so a test
 * can tell exactly what it printed; it runs until {@link #finish} closes its standard input.
 */
final class TargetJvm implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Path out;
    private final Path err;

    TargetJvm(List<String> command, Path dir) throws IOException {
        this.command = command;
        this.out = dir.resolve("target.out");
        this.err = dir.resolve("target.err");
        this.process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the target's {@code @who} report line. */
    Map<String, String> awaitReport(String who, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            Map<String, String> report = sofar().report().get(who);
            if (report != null) return report;
            if (!process.isAlive()) throw new AssertionError("the target exited\n" + sofar());
            Thread.sleep(50);
        }
        throw new AssertionError("no @" + who + " line after " + timeoutSeconds + " s\n" + sofar());
    }

    /** Closes the target's standard input and waits for it to exit: then its output is all there. */
    ForkedJvm.Result finish() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the target did not exit\n" + sofar());
        return sofar();
    }

    private ForkedJvm.Result sofar() {
        try {
            return new ForkedJvm.Result(command, process.isAlive() ? -1 : process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
