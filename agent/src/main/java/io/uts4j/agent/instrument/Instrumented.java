package io.uts4j.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The JDK methods uts4j answers for, each with the advice that does it. */
final class Instrumented {
    record Target(String className, String description, ElementMatcher<? super MethodDescription> methods,
                  Class<?> advice) {
        String internalName() {
            return className.replace('.', '/');
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("java.net.InetAddress", "InetAddress.getLocalHost()",
                    named("getLocalHost").and(isStatic()).and(takesArguments(0)), LocalHostAdvice.class),
            new Target("java.net.InetAddress", "InetAddress.getByName(String)",
                    named("getByName").and(isStatic()).and(takesArguments(String.class)), AddressByNameAdvice.class),
            new Target("java.net.InetAddress", "InetAddress.getAllByName(String)",
                    named("getAllByName").and(isStatic()).and(takesArguments(String.class)),
                    AllAddressesByNameAdvice.class),
            new Target("java.net.InetAddress", "InetAddress.getCanonicalHostName()",
                    named("getCanonicalHostName").and(not(isStatic())).and(takesArguments(0)),
                    CanonicalHostNameAdvice.class),
            new Target("java.lang.System", "System.getenv(String)",
                    named("getenv").and(takesArguments(String.class)), EnvironmentVariableAdvice.class),
            new Target("java.lang.System", "System.getenv()",
                    named("getenv").and(takesArguments(0)), EnvironmentAdvice.class),
            new Target("java.lang.System", "System.getProperty(String[, String])",
                    named("getProperty").and(takesArguments(String.class)
                            .or(takesArguments(String.class, String.class))), PropertyAdvice.class),
            new Target("java.lang.Thread", "new Thread(...) (inheritance)", isConstructor(), ThreadCreationAdvice.class));

    private Instrumented() {}
}
