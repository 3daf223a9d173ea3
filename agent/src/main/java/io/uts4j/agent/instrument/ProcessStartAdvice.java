package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/**
 * {@code ProcessBuilder.start()} (and so {@code Runtime.exec}): a bound thread's child starts
 * inside its tenant's namespace, with the tenant's environment. The dispatcher's answer is a
 * {@code Process}, or the {@code IOException} starting it threw, which the method then throws just
 * as the JDK would have.
 */
final class ProcessStartAdvice {
    private ProcessStartAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static Object enter(@Advice.This ProcessBuilder self) {
        return Dispatcher.startProcess(self);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object launched,
                     @Advice.Return(readOnly = false) Process result,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (launched instanceof Process) {
            result = (Process) launched;
        } else if (launched instanceof Throwable) {
            thrown = (Throwable) launched;
        }
    }
}
