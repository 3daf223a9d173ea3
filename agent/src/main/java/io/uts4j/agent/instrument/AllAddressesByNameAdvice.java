package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.net.InetAddress;
import net.bytebuddy.asm.Advice;

/** {@code InetAddress.getAllByName(host)}: a tenant's own names resolve to its address, without DNS. */
final class AllAddressesByNameAdvice {
    private AllAddressesByNameAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static InetAddress[] enter(@Advice.Argument(0) String host) {
        return Dispatcher.addressesFor(host);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter InetAddress[] tenant,
                     @Advice.Return(readOnly = false) InetAddress[] result) {
        if (tenant != null) result = tenant;
    }
}
