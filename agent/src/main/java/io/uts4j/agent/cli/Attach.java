package io.uts4j.agent.cli;

import io.uts4j.agent.ThisJar;
import java.lang.reflect.InvocationTargetException;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code attach <pid> '<agent args>'}: loads the agent into a running JVM through the attach API,
 * and prints the agent's own one-line outcome. The agent leaves it in the target's agent properties
 * under a key this command chooses, and prints nothing in the target (see the agent's AttachReport).
 */
final class Attach {
    private static final String PREFIX = "@uts4j-report="; // the agent's AttachReport.PREFIX

    private Attach() {}

    static int run(String[] args) {
        if (args.length != 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: java -jar uts4j-agent.jar attach <pid> '<agent args>'");
            return Commands.EXIT_USAGE;
        }
        String key = "uts4j.attach." + UUID.randomUUID();
        try {
            // The attach API lives in the application class loader's modules, not in this isolated one's.
            Class<?> vmClass = Class.forName("com.sun.tools.attach.VirtualMachine", true, ClassLoader.getSystemClassLoader());
            Object vm = vmClass.getMethod("attach", String.class).invoke(null, args[0]);
            String outcome;
            try {
                vmClass.getMethod("loadAgent", String.class, String.class)
                        .invoke(vm, ThisJar.path().toString(), PREFIX + key + "\n" + args[1]);
                outcome = ((Properties) vmClass.getMethod("getAgentProperties").invoke(vm)).getProperty(key);
            } finally {
                vmClass.getMethod("detach").invoke(vm);
            }
            if ("ok".equals(outcome)) {
                System.out.println("uts4j: started in JVM " + args[0]);
                return 0;
            }
            System.err.println(outcome != null ? outcome : "uts4j: the agent in JVM " + args[0] + " reported nothing");
            return 1;
        } catch (InvocationTargetException e) {
            System.err.println("uts4j: cannot attach to JVM " + args[0] + ": " + e.getCause());
            return 1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("uts4j: cannot attach to JVM " + args[0] + ": " + e);
            return 1;
        }
    }

}
