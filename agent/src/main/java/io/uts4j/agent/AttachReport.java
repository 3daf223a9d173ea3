package io.uts4j.agent;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How a dynamic attach tells its attacher what came of it. A failing {@code agentmain} can only make
 * the attacher see "Agent JAR loaded but agent failed to initialize" while the target prints a stack
 * trace and the JDK's assertion lines; so uts4j's own {@code attach} command passes a key first, and
 * the agent, instead of throwing, leaves its one-line outcome in the target's agent properties under
 * that key (where the attacher reads it, and the application does not see it). Without a key (any
 * other attacher), a failure is thrown, which is all such an attacher can be told.
 */
final class AttachReport {
    /** Agent args that start with this, then a key and a newline, carry a report key. */
    static final String PREFIX = "@uts4j-report=";
    static final String OK = "ok";

    private final Instrumentation inst;
    private final String key;
    final String config;

    private AttachReport(Instrumentation inst, String key, String config) {
        this.inst = inst;
        this.key = key;
        this.config = config;
    }

    static AttachReport of(Instrumentation inst, String args) {
        String a = args == null ? "" : args;
        int nl = a.indexOf('\n');
        if (!a.startsWith(PREFIX) || nl < 0) return new AttachReport(inst, null, args);
        return new AttachReport(inst, a.substring(PREFIX.length(), nl), a.substring(nl + 1));
    }

    boolean hasKey() {
        return key != null;
    }

    /** Leaves the outcome for the attacher: {@link #OK}, or the one-line message. */
    void outcome(String message) {
        try {
            inst.redefineModule(Object.class.getModule(), Set.of(),
                    Map.of("jdk.internal.vm", Set.of(AttachReport.class.getModule())), Map.of(), Set.of(), Map.of());
            Properties p = (Properties) Class.forName("jdk.internal.vm.VMSupport").getMethod("getAgentProperties")
                    .invoke(null);
            p.setProperty(key, message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("uts4j: " + message); // no other way left to say it
        }
    }
}
