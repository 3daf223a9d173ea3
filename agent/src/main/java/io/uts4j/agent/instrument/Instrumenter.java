package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Weaves the advice into the JDK classes uts4j answers for, all in one retransformation. */
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
        AdviceTransformer transformer = new AdviceTransformer(byName);
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
        return described;
    }
}
