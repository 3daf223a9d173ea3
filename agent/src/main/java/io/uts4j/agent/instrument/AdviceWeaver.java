package io.uts4j.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The only class that uses Byte Buddy: inlines advice into a class's bytes, changing no class
 * format (no new members), as retransformation requires.
 */
final class AdviceWeaver {
    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN);
    private final ClassLoader adviceLoader;

    AdviceWeaver(ClassLoader adviceLoader) {
        this.adviceLoader = adviceLoader;
    }

    byte[] weave(Class<?> type, byte[] original, List<Instrumented.Target> targets) throws ClassNotFoundException {
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(type.getName(), original), ClassFileLocator.ForClassLoader.ofBootLoader());
        DynamicType.Builder<?> builder = byteBuddy.decorate(TypeDescription.ForLoadedType.of(type), locator);
        for (Instrumented.Target t : targets) {
            Class<?> advice = Class.forName(t.advice(), false, adviceLoader);
            builder = builder.visit(Advice.to(advice).on(matcher(t)));
        }
        return builder.make().getBytes();
    }

    private static ElementMatcher<MethodDescription> matcher(Instrumented.Target t) {
        if (t.method().equals(Instrumented.CONSTRUCTORS)) return isConstructor();
        ElementMatcher.Junction<MethodDescription> m = named(t.method()).and(takesArguments(t.parameters().size()));
        for (int i = 0; i < t.parameters().size(); i++) m = m.and(takesArgument(i, named(t.parameters().get(i))));
        return m;
    }
}
