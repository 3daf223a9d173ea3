package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/**
 * {@code Thread.start()}: a thread started by a namespace thread is started from the host instead,
 * so that no JDK helper thread is born inside a tenant's namespace (see HostThreadStarter).
 */
final class ThreadStartAdvice {
    private ThreadStartAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static boolean enter(@Advice.This Thread self) {
        return Dispatcher.startThread(self);
    }
}
