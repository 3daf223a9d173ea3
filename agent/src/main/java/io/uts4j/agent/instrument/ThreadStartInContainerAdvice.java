package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/**
 * JDK 21+'s {@code Thread.start(ThreadContainer)}: what executors (the process reaper's among them)
 * call instead of {@code start()}. As {@link ThreadStartAdvice}.
 */
final class ThreadStartInContainerAdvice {
    private ThreadStartInContainerAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static boolean enter(@Advice.This Thread self, @Advice.Argument(0) Object container) {
        return Dispatcher.startThread(self, container);
    }
}
