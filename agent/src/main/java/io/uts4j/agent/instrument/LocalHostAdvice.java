package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.net.InetAddress;
import net.bytebuddy.asm.Advice;

/** {@code InetAddress.getLocalHost()}: above the JDK's process-wide cache, which tenants must not share. */
final class LocalHostAdvice {
    private LocalHostAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static InetAddress enter() {
        return Dispatcher.localHost();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter InetAddress tenant,
                     @Advice.Return(readOnly = false) InetAddress result) {
        if (tenant != null) result = tenant;
    }
}
