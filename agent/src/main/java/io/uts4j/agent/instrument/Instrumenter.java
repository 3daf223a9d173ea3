package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Weaves the advice into the JDK classes uts4j answers for, all in one retransformation. */
public final class Instrumenter {
    private Instrumenter() {}

    /** What was instrumented, and how. */
    public record Installed(List<String> methods, int fromCache, int woven) {}

    /**
     * @param cacheDir where woven classes are kept between starts, or null for no cache
     * @throws IllegalStateException naming every class that could not be woven
     */
    public static Installed install(Instrumentation inst, Path cacheDir, Path agentJar) {
        // Inlined advice calls the bootstrap dispatcher; java.base must be allowed to read it. The
        // dispatcher in turn starts threads in their JDK 21+ containers, a java.lang internal.
        Module dispatcher = Dispatcher.class.getModule();
        inst.redefineModule(Object.class.getModule(), Set.of(dispatcher), Map.of(),
                Map.of("java.lang", Set.of(dispatcher)), Set.of(), Map.of());

        Map<String, List<Instrumented.Target>> byName = new LinkedHashMap<>();
        List<String> described = new ArrayList<>();
        StringBuilder plan = new StringBuilder();
        for (Instrumented.Target t : Instrumented.TARGETS) {
            // No lambdas, method references or record toString() on this path: each costs
            // milliseconds of method-handle spinning the first time, and this runs in premain.
            List<Instrumented.Target> same = byName.get(t.internalName());
            if (same == null) byName.put(t.internalName(), same = new ArrayList<>());
            same.add(t);
            described.add(t.description());
            plan.append(t.className()).append(' ').append(t.method()).append(' ').append(t.parameters())
                    .append(' ').append(t.advice()).append('\n');
        }
        // Load (without initialising) every target first: weaving a class while it is being loaded
        // would make Byte Buddy resolve it from the advice signatures, a ClassCircularityError.
        List<Class<?>> targets = new ArrayList<>();
        for (String name : byName.keySet()) {
            try {
                targets.add(Class.forName(name.replace('/', '.'), false, null));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("JDK class " + name + " not found", e);
            }
        }
        ClassLoader own = Instrumenter.class.getClassLoader();
        WovenClassCache cache = cacheDir == null ? null : WovenClassCache.open(cacheDir, agentJar, plan.toString());
        AdviceTransformer transformer = new AdviceTransformer(byName, cache, own);
        // Stays registered, so that a retransformation by another agent keeps uts4j's advice.
        inst.addTransformer(transformer, true);
        try {
            inst.retransformClasses(targets.toArray(new Class<?>[0]));
        } catch (Exception e) {
            throw new IllegalStateException("retransforming " + targets + " failed: " + e, e);
        }
        if (!transformer.failures.isEmpty()) {
            throw new IllegalStateException("could not instrument " + transformer.failures.keySet()
                    + ": " + transformer.failures.values().iterator().next());
        }
        return new Installed(described, transformer.fromCache.get(), transformer.woven.get());
    }
}
