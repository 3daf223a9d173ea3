package io.uts4j.agent.instrument;

import java.util.List;

/**
 * The JDK methods uts4j answers for, each with the advice that does it. Described in plain
 * strings, not Byte Buddy matchers, so that a start-up served from the woven-class cache never
 * loads Byte Buddy at all.
 */
final class Instrumented {
    /** All constructors of the class. */
    static final String CONSTRUCTORS = "<init>";

    /**
     * @param method     the method's name, or {@link #CONSTRUCTORS}
     * @param parameters the exact parameter types, or null for any
     */
    record Target(String className, String method, List<String> parameters, String advice) {
        String internalName() {
            return className.replace('.', '/');
        }

        String description() {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            if (method.equals(CONSTRUCTORS)) return "new " + simple + "(...)";
            StringBuilder b = new StringBuilder(simple).append('.').append(method).append('(');
            for (int i = 0; i < parameters.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(parameters.get(i).substring(parameters.get(i).lastIndexOf('.') + 1));
            }
            return b.append(')').toString();
        }
    }

    private static final String PKG = "io.uts4j.agent.instrument.";
    private static final List<String> NONE = List.of();
    private static final List<String> STRING = List.of("java.lang.String");

    static final List<Target> TARGETS = List.of(
            new Target("java.net.InetAddress", "getLocalHost", NONE, PKG + "LocalHostAdvice"),
            new Target("java.net.InetAddress", "getByName", STRING, PKG + "AddressByNameAdvice"),
            new Target("java.net.InetAddress", "getAllByName", STRING, PKG + "AllAddressesByNameAdvice"),
            new Target("java.net.InetAddress", "getCanonicalHostName", NONE, PKG + "CanonicalHostNameAdvice"),
            new Target("java.lang.System", "getenv", STRING, PKG + "EnvironmentVariableAdvice"),
            new Target("java.lang.System", "getenv", NONE, PKG + "EnvironmentAdvice"),
            new Target("java.lang.System", "getProperty", STRING, PKG + "PropertyAdvice"),
            new Target("java.lang.System", "getProperty", List.of("java.lang.String", "java.lang.String"),
                    PKG + "PropertyAdvice"),
            new Target("java.lang.ProcessBuilder", "start", NONE, PKG + "ProcessStartAdvice"),
            new Target("java.lang.ProcessBuilder", "startPipeline", List.of("java.util.List"),
                    PKG + "PipelineStartAdvice"),
            // Inheritance: a creator bound by a thread-name rule passes its tenant on (see the advice).
            new Target("java.lang.Thread", CONSTRUCTORS, null, PKG + "ThreadCreationAdvice"),
            new Target("java.lang.Thread", "start", NONE, PKG + "ThreadStartAdvice"),
            // JDK 21+ only (absent before, so nothing matches there).
            new Target("java.lang.Thread", "start", List.of("jdk.internal.vm.ThreadContainer"),
                    PKG + "ThreadStartInContainerAdvice"));

    private Instrumented() {}
}
