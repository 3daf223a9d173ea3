package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.net.InetAddress;
import net.bytebuddy.asm.Advice;

/** {@code InetAddress.getCanonicalHostName()}: a tenant's own address is canonically its FQDN, without DNS. */
final class CanonicalHostNameAdvice {
    private CanonicalHostNameAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static String enter(@Advice.This InetAddress self) {
        return Dispatcher.canonicalHostName(self);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter String tenant, @Advice.Return(readOnly = false) String result) {
        if (tenant != null) result = tenant;
    }
}
