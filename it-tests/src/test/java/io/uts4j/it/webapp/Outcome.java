package io.uts4j.it.webapp;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.JMRuntimeException;

/**
 * What came of one attempt, as one line: {@code ok:<value>}, {@code refused:<message>} for the
 * SecurityException uts4j refuses with, or {@code ERR:<exception>:<message>} for anything else.
 * Wrappers that reflection, executors and JMX put around an exception are taken off first.
 */
public final class Outcome {
    /** How long any one attempt may wait for a thread it started. */
    static final long TIMEOUT_SECONDS = 30;

    private Outcome() {}

    public static String of(Callable<?> attempt) {
        try {
            return "ok:" + line(String.valueOf(attempt.call()));
        } catch (Throwable e) {
            Throwable t = unwrap(e);
            if (t instanceof SecurityException) return "refused:" + line(t.getMessage());
            return "ERR:" + t.getClass().getSimpleName() + ":" + line(String.valueOf(t.getMessage()));
        }
    }

    /** Runs a body on a thread made by {@code make} (not yet started), and waits for what it returns or throws. */
    static <T> T onThread(Function<Runnable, Thread> make, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        make.apply(task).start();
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    static Exception rethrowable(Throwable t) {
        if (t instanceof Exception) return (Exception) t;
        if (t instanceof Error) throw (Error) t;
        return new UndeclaredThrowableException(t);
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof InvocationTargetException || t instanceof ExecutionException
                || t instanceof CompletionException || t instanceof UndeclaredThrowableException
                || t instanceof JMException || t instanceof JMRuntimeException)) {
            t = t.getCause();
        }
        return t;
    }

    /** One line, without the tabs that separate a report's values. */
    private static String line(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ");
    }
}
