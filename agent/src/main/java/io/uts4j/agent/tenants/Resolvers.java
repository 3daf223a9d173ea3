package io.uts4j.agent.tenants;

import io.uts4j.agent.config.ConfigException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.BiFunction;

/**
 * The configured {@code io.uts4j.TenantResolver}, for the bootstrap: a (thread, context class
 * loader) to tenant id function. Its class is checked in premain (a wrong name stops the JVM before
 * main) and made on first use, so that no application code runs during premain. It implements the
 * API's interface as the application class loader sees it, whichever copy of the API that is.
 */
public final class Resolvers implements BiFunction<Thread, ClassLoader, String> {
    private static final String API = "io.uts4j.TenantResolver";
    private final Constructor<?> constructor;
    private final Method tenantOf;
    private volatile Object resolver;

    private Resolvers(Constructor<?> constructor, Method tenantOf) {
        this.constructor = constructor;
        this.tenantOf = tenantOf;
    }

    /** Null when no resolver is configured. */
    public static BiFunction<Thread, ClassLoader, String> of(String className) throws ConfigException {
        if (className == null) return null;
        ClassLoader app = ClassLoader.getSystemClassLoader();
        Class<?> c;
        Class<?> api;
        try {
            c = Class.forName(className, false, app);
        } catch (ClassNotFoundException | LinkageError e) {
            throw bad(className, "no such class on the application class path (" + ConfigException.shown(e.toString()) + ")");
        }
        try {
            api = Class.forName(API, false, c.getClassLoader() != null ? c.getClassLoader() : app);
        } catch (ClassNotFoundException | LinkageError e) {
            throw bad(className, API + " is not visible to it");
        }
        if (!api.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
            throw bad(className, "it is not a public concrete class implementing " + API);
        }
        try {
            return new Resolvers(c.getConstructor(), api.getMethod("tenantOf", Thread.class, ClassLoader.class));
        } catch (NoSuchMethodException e) {
            throw bad(className, "it has no public no-argument constructor");
        }
    }

    private static ConfigException bad(String className, String problem) {
        return new ConfigException("key 'resolver' has value '" + ConfigException.shown(className) + "': " + problem
                + "; valid: a public class on the application class path implementing " + API
                + ", with a public no-argument constructor");
    }

    @Override
    public String apply(Thread thread, ClassLoader contextClassLoader) {
        try {
            return (String) tenantOf.invoke(instance(), thread, contextClassLoader);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object instance() {
        Object r = resolver;
        if (r == null) {
            synchronized (this) {
                if (resolver == null) {
                    try {
                        resolver = constructor.newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot make " + constructor.getDeclaringClass().getName(), e);
                    }
                }
                r = resolver;
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return constructor.getDeclaringClass().getName();
    }
}
