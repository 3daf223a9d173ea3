package io.uts4j.bootstrap;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The text a {@code tenant.<id>.loader} rule is matched against: the loader's name where it has one;
 * else the context name a web application's loader reports (Tomcat's {@code getContextName()},
 * e.g. {@code shop} for an application at {@code /shop}); else its {@code toString()}. Computed once per loader.
 */
final class LoaderNames {
    private static final Map<ClassLoader, String> NAMES = new WeakHashMap<>();

    private LoaderNames() {}

    static String describe(ClassLoader loader) {
        synchronized (NAMES) {
            String d = NAMES.get(loader);
            if (d == null) {
                d = compute(loader);
                NAMES.put(loader, d);
            }
            return d;
        }
    }

    private static String compute(ClassLoader loader) {
        String name = loader.getName();
        if (name != null && !name.isEmpty()) return name;
        try {
            Method m = loader.getClass().getMethod("getContextName");
            if (m.getReturnType() == String.class && m.getParameterCount() == 0) {
                Object context = m.invoke(loader);
                if (context != null) return (String) context;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // not a loader that knows its web application
        }
        return String.valueOf(loader);
    }
}
