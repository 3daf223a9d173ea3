package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/** {@code System.getProperty(key)} and {@code System.getProperty(key, default)}. */
final class PropertyAdvice {
    private PropertyAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static String enter(@Advice.Argument(0) String key) {
        return Dispatcher.getProperty(key);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter String tenant, @Advice.Return(readOnly = false) String result) {
        if (tenant != null) result = tenant;
    }
}
