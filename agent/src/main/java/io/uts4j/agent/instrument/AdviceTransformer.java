package io.uts4j.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;

/**
 * Weaves advice into a handful of JDK classes, matched by exact internal name so that every other
 * class load costs one map lookup. Changes no class format (no new members), as retransformation
 * requires; a failure is recorded and the class left as it was.
 */
final class AdviceTransformer implements ClassFileTransformer {
    private final Map<String, List<Instrumented.Target>> byInternalName;
    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN);
    final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    AdviceTransformer(Map<String, List<Instrumented.Target>> byInternalName) {
        this.byInternalName = byInternalName;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || className == null) return null; // every target is a bootstrap class
        List<Instrumented.Target> targets = byInternalName.get(className);
        if (targets == null) return null;
        try {
            String name = className.replace('/', '.');
            ClassFileLocator locator = new ClassFileLocator.Compound(
                    ClassFileLocator.Simple.of(name, bytes), ClassFileLocator.ForClassLoader.ofBootLoader());
            if (redefined == null) return null; // targets are loaded before this is registered
            TypeDescription type = TypeDescription.ForLoadedType.of(redefined);
            DynamicType.Builder<?> builder = byteBuddy.decorate(type, locator);
            for (Instrumented.Target t : targets) {
                builder = builder.visit(Advice.to(t.advice()).on(t.methods()));
            }
            return builder.make().getBytes();
        } catch (Throwable e) {
            failures.put(className.replace('/', '.'), e);
            return null;
        }
    }
}
