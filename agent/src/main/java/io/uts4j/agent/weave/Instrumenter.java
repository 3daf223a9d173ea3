package io.uts4j.agent.weave;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weaves the bootstrap's hooks into the JDK: the classes already loaded in one retransformation,
 * the others as they load. Code woven into java.base calls the bootstrap, which is part of
 * java.base too: no module edge is added for it.
 */
public final class Instrumenter {
    private Instrumenter() {}

    /** What was instrumented. */
    public record Installed(List<String> methods, int retransformed) {}

    /**
     * @param propagate whether the JDK's executors are woven too, so that work runs as its submitter
     * @throws IllegalStateException naming every class that could not be woven
     */
    public static Installed install(Instrumentation inst, boolean propagate) {
        List<Target> all = new ArrayList<>(Targets.identity());
        if (propagate) all.addAll(Targets.propagation());
        // No lambdas, method references or record toString() on this path: each costs milliseconds
        // of method-handle spinning the first time, and this runs in premain.
        Map<String, List<Target>> byClass = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Target t : all) {
            List<Target> same = byClass.get(t.owner());
            if (same == null) byClass.put(t.owner(), same = new ArrayList<>());
            same.add(t);
            shown.add(t.shown());
        }
        WeavingTransformer transformer = new WeavingTransformer(byClass);
        // Registered first, and for good: classes loaded from now on are woven as they load, and a
        // retransformation by another agent keeps uts4j's code.
        inst.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && byClass.containsKey(c.getName().replace('.', '/'))) loaded.add(c);
        }
        try {
            if (!loaded.isEmpty()) inst.retransformClasses(loaded.toArray(new Class<?>[0]));
            if (!transformer.failures.isEmpty()) {
                Map.Entry<String, Throwable> first = transformer.failures.entrySet().iterator().next();
                throw new IllegalStateException("could not weave " + transformer.failures.keySet() + ": "
                        + first.getValue(), first.getValue());
            }
        } catch (Exception | LinkageError e) {
            inst.removeTransformer(transformer); // a corrected attach must not weave twice
            throw e instanceof IllegalStateException ? (IllegalStateException) e
                    : new IllegalStateException("retransforming " + loaded + " failed: " + e, e);
        }
        transformer.reportLaterFailures();
        return new Installed(new ArrayList<>(shown), loaded.size());
    }
}
