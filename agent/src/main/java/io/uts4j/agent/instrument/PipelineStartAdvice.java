package io.uts4j.agent.instrument;

import io.uts4j.bootstrap.Dispatcher;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** {@code ProcessBuilder.startPipeline(builders)}: as {@link ProcessStartAdvice}, for every process. */
final class PipelineStartAdvice {
    private PipelineStartAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static Object enter(@Advice.Argument(0) List<ProcessBuilder> builders) {
        return Dispatcher.startPipeline(builders);
    }

    @SuppressWarnings("unchecked")
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object launched,
                     @Advice.Return(readOnly = false) List<Process> result,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (launched instanceof List) {
            result = (List<Process>) launched;
        } else if (launched instanceof Throwable) {
            thrown = (Throwable) launched;
        }
    }
}
