package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/** {@code System.getenv(name)}. */
final class EnvironmentVariableAdvice {
    private EnvironmentVariableAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static String enter(@Advice.Argument(0) String name) {
        return Dispatcher.getenv(name);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter String tenant, @Advice.Return(readOnly = false) String result) {
        if (tenant != null) result = tenant;
    }
}
