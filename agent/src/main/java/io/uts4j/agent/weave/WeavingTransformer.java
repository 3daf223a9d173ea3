package io.uts4j.agent.weave;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the bytes of the few target JDK classes, matched by exact internal name (every other class
 * costs one map lookup), to the weaver, at load time and on retransformation alike. A failure is
 * recorded and the class left as it was.
 */
final class WeavingTransformer implements ClassFileTransformer {
    private final Map<String, List<Target>> byClass;
    final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    final Map<String, Boolean> woven = new ConcurrentHashMap<>();

    private volatile boolean reportLater;

    WeavingTransformer(Map<String, List<Target>> byClass) {
        this.byClass = byClass;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || className == null) return null; // every target is a bootstrap class
        List<Target> targets = byClass.get(className);
        if (targets == null) return null;
        try {
            byte[] result = ClassPatcher.weave(bytes, targets);
            if (result != null) woven.put(className, Boolean.TRUE);
            return result;
        } catch (Throwable e) {
            failures.put(className, e);
            if (reportLater) {
                // A class loaded after start-up: it keeps the JDK's code, and its calls are not answered for tenants.
                System.err.println("uts4j: could not weave " + className + " (" + e + "); its methods answer as without uts4j");
            }
            return null;
        }
    }

    /** From now on (start-up is over), a failure is reported as it happens. */
    void reportLaterFailures() {
        reportLater = true;
    }
}
