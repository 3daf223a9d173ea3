package io.uts4j.launch;

/** {@code java -jar uts4j-agent.jar <command>}: hands the command line to the isolated part. */
final class CommandLine {
    private CommandLine() {}

    public static void main(String[] args) throws Throwable {
        Object code = AgentJar.invoke("io.uts4j.agent.cli.Commands", "run",
                new Class<?>[] {String[].class}, (Object) args);
        System.exit((Integer) code);
    }
}
