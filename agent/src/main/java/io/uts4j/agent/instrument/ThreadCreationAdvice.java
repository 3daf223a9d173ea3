package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/**
 * Every {@code Thread} constructor: before the JDK copies the creating thread's inheritable
 * thread locals, make sure a creator bound only by a thread-name rule has its binding there, so
 * that its children inherit its tenant even if it never asked for its identity itself.
 * No {@code suppress} here: a handler may not cover code before the super constructor call, so
 * the dispatcher method itself never throws.
 */
final class ThreadCreationAdvice {
    private ThreadCreationAdvice() {}

    @Advice.OnMethodEnter
    static void enter() {
        Dispatcher.beforeThreadCreation();
    }
}
