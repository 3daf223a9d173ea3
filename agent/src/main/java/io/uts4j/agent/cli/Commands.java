package io.uts4j.agent.cli;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.TenantSpec;
import java.io.PrintStream;

/** The agent jar's command line. */
public final class Commands {
    private Commands() {}

    public static int run(String[] args) {
        PrintStream out = System.out;
        String command = args.length == 0 ? "--help" : args[0];
        switch (command) {
            case "--version":
                out.println("uts4j " + version());
                return 0;
            case "check-config":
                return checkConfig(args, out);
            case "--help":
            case "-h":
            case "help":
                usage(out);
                return 0;
            default:
                System.err.println("uts4j: unknown command '" + command + "'");
                usage(System.err);
                return 64;
        }
    }

    private static int checkConfig(String[] args, PrintStream out) {
        if (args.length != 2) {
            System.err.println("usage: java -jar uts4j-agent.jar check-config '<agent args>' (or config=FILE)");
            return 64;
        }
        try {
            AgentConfig c = AgentConfig.parse(args[1]);
            out.println("configuration is valid: kernel=" + c.kernel().name().toLowerCase() + ", "
                    + c.tenants().size() + " tenant(s)");
            for (TenantSpec t : c.tenants()) {
                out.println("  " + t.id() + ": hostname " + t.hostname()
                        + (t.domainname() == null ? "" : ", domain " + t.domainname())
                        + (t.threads() == null ? "" : ", threads /" + t.threads() + "/"));
            }
            return 0;
        } catch (ConfigException e) {
            System.err.println("uts4j: invalid configuration: " + e.getMessage());
            return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("uts4j " + version() + ": per-thread system identity for the JVM");
        out.println();
        out.println("Attach:  java -javaagent:uts4j-agent.jar=tenant.<id>.hostname=<name>,... -jar app.jar");
        out.println("Commands:");
        out.println("  check-config '<agent args>'   validate a configuration as the agent would");
        out.println("  --version                     print the version");
        out.println("  --help                        print this help");
    }

    static String version() {
        String v = Commands.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
