package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Installs the advice into the JDK: at once for classes already loaded, at load time for the rest. */
public final class Instrumenter {
    private Instrumenter() {}

    /**
     * @return a description of each instrumented method, for the start-up line
     * @throws IllegalStateException naming every class that could not be woven
     */
    public static List<String> install(Instrumentation inst) {
        // Inlined advice calls the bootstrap dispatcher; java.base must be allowed to read it.
        Module dispatcher = Dispatcher.class.getModule();
        inst.redefineModule(Object.class.getModule(), Set.of(dispatcher), Map.of(), Map.of(), Set.of(), Map.of());

        Map<String, List<Instrumented.Target>> byName = new LinkedHashMap<>();
        List<String> described = new ArrayList<>();
        for (Instrumented.Target t : Instrumented.TARGETS) {
            byName.computeIfAbsent(t.internalName(), k -> new ArrayList<>()).add(t);
            described.add(t.description());
        }
        AdviceTransformer transformer = new AdviceTransformer(byName);
        inst.addTransformer(transformer, true);

        List<Class<?>> loaded = new ArrayList<>();
        for (String name : byName.keySet()) {
            try {
                // Loading (not initialising) a target runs the transformer on it if it was not loaded yet.
                Class<?> c = Class.forName(name.replace('/', '.'), false, null);
                if (!transformer.woven.containsKey(c.getName())) loaded.add(c);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("JDK class " + name + " not found", e);
            }
        }
        try {
            if (!loaded.isEmpty()) inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Exception e) {
            throw new IllegalStateException("retransforming " + loaded + " failed: " + e, e);
        }
        if (!transformer.failures.isEmpty()) {
            throw new IllegalStateException("could not instrument " + transformer.failures.keySet()
                    + ": " + transformer.failures.values().iterator().next());
        }
        return described;
    }
}
