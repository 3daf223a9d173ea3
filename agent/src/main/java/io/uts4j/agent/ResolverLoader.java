package io.uts4j.agent;

import io.uts4j.TenantResolver;
import io.uts4j.agent.config.ConfigException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/**
 * The configured custom resolver: its class is checked in premain (so a wrong name stops the JVM
 * before main), and made on first use, so that no application code runs during premain.
 */
final class ResolverLoader implements TenantResolver {
    private final Constructor<? extends TenantResolver> constructor;
    private volatile TenantResolver resolver;

    private ResolverLoader(Constructor<? extends TenantResolver> constructor) {
        this.constructor = constructor;
    }

    /** Null when no resolver is configured. */
    static TenantResolver of(String className) throws ConfigException {
        if (className == null) return null;
        Class<?> c;
        try {
            c = Class.forName(className, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw bad(className, "no such class on the application class path (" + e + ")");
        }
        if (!TenantResolver.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
            throw bad(className, "it is not a concrete class implementing io.uts4j.TenantResolver");
        }
        try {
            return new ResolverLoader(c.asSubclass(TenantResolver.class).getConstructor());
        } catch (NoSuchMethodException e) {
            throw bad(className, "it has no public no-argument constructor");
        }
    }

    private static ConfigException bad(String className, String problem) {
        return new ConfigException("key 'resolver' has value '" + className + "': " + problem
                + "; valid: a public class on the application class path implementing io.uts4j.TenantResolver, "
                + "with a public no-argument constructor");
    }

    @Override
    public String tenantOf(Thread thread, ClassLoader contextClassLoader) {
        TenantResolver r = resolver;
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
        return r.tenantOf(thread, contextClassLoader);
    }

    @Override
    public String toString() {
        return constructor.getDeclaringClass().getName();
    }
}
