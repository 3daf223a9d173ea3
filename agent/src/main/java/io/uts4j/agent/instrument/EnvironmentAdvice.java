package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/** {@code System.getenv()}. */
final class EnvironmentAdvice {
    private EnvironmentAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static Map<String, String> enter() {
        return Dispatcher.environment();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter Map<String, String> tenant,
                     @Advice.Return(readOnly = false) Map<String, String> result) {
        if (tenant != null) result = tenant;
    }
}
