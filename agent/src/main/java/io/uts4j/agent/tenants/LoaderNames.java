package io.uts4j.agent.tenants;

import java.lang.reflect.Method;

/**
 * The text a {@code tenant.<id>.loader} rule is matched against: the loader's name where it has one;
 * else the context name a web application's loader reports (Tomcat's {@code getContextName()},
 * e.g. {@code shop} for an application at {@code /shop}); else its {@code toString()}. The
 * bootstrap asks once per loader and keeps the answer as long as the loader lives.
 */
final class LoaderNames {
    private LoaderNames() {}

    static String describe(ClassLoader loader) {
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
