package io.uts4j.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a checker main in a fresh JVM with the built agent jar attached, as a user would. */
final class ForkedJvm {
    static final Path AGENT_JAR = Path.of(System.getProperty("uts4j.agentJar", "../agent/target/uts4j-agent.jar"))
            .toAbsolutePath().normalize();
    private static final String CLASSPATH = System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path"));

    private final Jdk jdk;
    private final List<String> prefix = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private Path agentJar = AGENT_JAR;
    private String agentArgs;
    private String classpath = CLASSPATH;
    private long timeoutSeconds = 120;

    private ForkedJvm(Jdk jdk) {
        this.jdk = jdk;
        if (!Files.isRegularFile(AGENT_JAR)) {
            throw new IllegalStateException("agent jar not built: " + AGENT_JAR + " (run mvn -B verify from the top)");
        }
    }

    static ForkedJvm on(Jdk jdk) {
        return new ForkedJvm(jdk);
    }

    /** Attaches the agent with these args (null: attach with none). */
    ForkedJvm agent(String args) {
        this.agentArgs = args == null ? "" : args;
        return this;
    }

    /** Runs the JVM under these commands (setpriv, unshare ...). */
    ForkedJvm prefix(String... command) {
        prefix.addAll(Arrays.asList(command));
        return this;
    }

    /** Attaches another copy of the agent jar. */
    ForkedJvm agentJar(Path jar) {
        this.agentJar = jar;
        return this;
    }

    ForkedJvm jvmArgs(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    /** The longest the JVM may run before the test fails (120 s unless told). */
    ForkedJvm timeout(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    ForkedJvm classpath(String cp) {
        this.classpath = cp;
        return this;
    }

    /** The command line that runs this main: what {@link #run} runs, and what a long-lived server starts. */
    List<String> command(Class<?> main, String... args) {
        return command(main.getName(), args);
    }

    /** As {@link #command(Class, String...)}, for a main class known by name only (compiled by the test). */
    List<String> command(String main, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(jdk.java().toString());
        if (agentArgs != null) cmd.add("-javaagent:" + agentJar + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classpath, main));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    Result run(Class<?> main, String... args) {
        return exec(command(main, args), timeoutSeconds);
    }

    Result run(String main, String... args) {
        return exec(command(main, args), timeoutSeconds);
    }

    /** Runs a command with no input, drains its output, and fails the test if it outlives the timeout. */
    static Result exec(List<String> cmd, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + cmd);
            }
            return new Result(cmd, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> new Thread(r, "drain").start());
    }

    private static final java.util.regex.Pattern STARTUP_LINE =
            java.util.regex.Pattern.compile("(?m)^uts4j \\S+: \\d+ tenants?[ ;].*$");

    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Fails with everything a reader needs unless the JVM exited 0. */
        Result assertSuccess() {
            if (exitCode != 0) throw new AssertionError("exit " + exitCode + "\n" + this);
            return this;
        }

        /** Lines {@code who key=value ...} parsed as who -> (key -> value). */
        Map<String, Map<String, String>> report() {
            Map<String, Map<String, String>> byWho = new LinkedHashMap<>();
            for (String line : stdout.split("\n")) {
                if (!line.startsWith("@")) continue;
                String[] parts = line.substring(1).split("\t");
                Map<String, String> kv = byWho.computeIfAbsent(parts[0], k -> new LinkedHashMap<>());
                for (int i = 1; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
            }
            return byWho;
        }

        /** The agent's start-up line (mode, tenants, instrumented APIs), or null when it printed none. */
        String startupLine() {
            java.util.regex.Matcher m = STARTUP_LINE.matcher(stderr);
            return m.find() ? m.group() : null;
        }

        /** stderr without the agent's start-up line: anything else (a JVM warning included) is unexpected. */
        String unexpectedStderr() {
            return stderr.replaceAll(STARTUP_LINE.pattern() + "\\R?", "").strip();
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
