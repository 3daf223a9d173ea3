package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs commands from the calling thread — so in that thread's UTS namespace — and reads /proc. */
final class Processes {

    /** What a finished command printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }

    private Processes() {
    }

    /** @return the trimmed output of a command that must succeed */
    static String output(String... command) {
        Result result = run(List.of(command));
        assertThat(result.exitCode()).as("exit code of %s, which printed: %s", List.of(command), result.output())
                .isZero();
        return result.output().trim();
    }

    /** Runs {@code command} to its end, or fails after 30 s; its output goes to a file, so nothing waits on a pipe. */
    static Result run(List<String> command) {
        Path out = null;
        try {
            out = Files.createTempFile("uts4j-test-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(out);
            if (!ended) {
                throw new AssertionError(command + " did not finish in 30 s; it printed: " + printed);
            }
            return new Result(process.exitValue(), printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    /** @return the first line {@code process} prints, read on a helper thread so that the wait has a limit */
    static String firstLine(Process process) throws Exception {
        FutureTask<String> read = new FutureTask<>(() -> new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine());
        Thread reader = new Thread(read, "first line of " + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return read.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError(process.info().commandLine().orElse("process " + process.pid())
                    + " printed no line in 30 s");
        }
    }

    /** @return a /proc file's content, trimmed, as the calling thread sees it */
    static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number of open file descriptors of this JVM */
    static long openFds() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
