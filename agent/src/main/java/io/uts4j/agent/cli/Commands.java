package io.uts4j.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The agent jar's command line: {@code java -jar uts4j-agent.jar <command>}. */
public final class Commands {
    /** Exit status for a command line that cannot be understood (BSD sysexits' EX_USAGE). */
    static final int EXIT_USAGE = 64;
    /** The command {@code demo} runs in its child JVM; not meant to be typed. */
    static final String DEMO_APP = "demo-app";

    private Commands() {}

    public static int run(String[] args) {
        String command = args.length == 0 ? "--help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "demo":
                return noArguments(command, rest) ? Demo.run() : EXIT_USAGE;
            case DEMO_APP:
                return DemoApp.run();
            case "doctor":
                return noArguments(command, rest) ? Doctor.run() : EXIT_USAGE;
            case "check-config":
                return CheckConfig.run(rest);
            case "attach":
                return Attach.run(rest);
            case "--version":
            case "version":
                System.out.println("uts4j " + io.uts4j.agent.Version.of());
                return 0;
            case "--help":
            case "-h":
            case "help":
                usage(System.out);
                return 0;
            default:
                System.err.println("uts4j: unknown command '" + command + "'");
                usage(System.err);
                return EXIT_USAGE;
        }
    }

    private static boolean noArguments(String command, String[] rest) {
        if (rest.length == 0) return true;
        System.err.println("uts4j: '" + command + "' takes no arguments, got: " + String.join(" ", rest));
        return false;
    }

    private static void usage(PrintStream out) {
        out.println("uts4j " + io.uts4j.agent.Version.of() + ": a hostname per thread, for the JVM");
        out.println();
        out.println("Attach:  java -javaagent:uts4j-agent.jar=tenant.<id>.hostname=<name>,tenant.<id>.threads=<regex> -jar app.jar");
        out.println();
        out.println("Commands:  java -jar uts4j-agent.jar <command>");
        out.println("  demo                          run a JVM with example tenants and show what each thread sees");
        out.println("  doctor                        check whether this machine can give tenants kernel UTS namespaces");
        out.println("                                (exit 0: yes, 1: no)");
        out.println("  check-config '<agent args>'   validate a configuration exactly as the agent does at start-up");
        out.println("                                (also 'config=FILE'; exit 0: valid, 2: invalid)");
        out.println("  attach <pid> '<agent args>'   load the agent into a running JVM and say in one line how it went");
        out.println("                                (exit 0: started, 1: refused or failed)");
        out.println("  --version                     print the version");
        out.println("  --help                        print this help");
    }
}
