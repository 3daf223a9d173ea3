package io.uts4j.launch;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the bootstrap part (the public API and the dispatcher that advice calls) in the
 * bootstrap class loader, so that instrumented JDK classes and every class loader see one copy.
 *
 * <p>Why not {@code appendToBootstrapClassLoaderSearch}: on JDK 17 that prints "Sharing is only
 * supported for boot loader classes because bootstrap classpath has been appended" on every start
 * and turns class data sharing off for all other loaders, which costs start-up time. Defining the
 * few classes directly has neither effect.
 */
final class BootstrapClasses {
    /** Written by the build: the bootstrap part's class files, one a line. */
    static final String LIST = IsolatedClassLoader.PREFIX + "bootstrap-classes.txt";

    private BootstrapClasses() {}

    private static boolean definedAlready(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static void define(JarFile jar, Instrumentation inst) throws Exception {
        // jdk.internal.misc.Unsafe.defineClass is the one public way to define into the boot loader.
        inst.redefineModule(Object.class.getModule(), Set.of(),
                Map.of("jdk.internal.misc", Set.of(BootstrapClasses.class.getModule())), Map.of(), Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);

        List<JarEntry> pending = new ArrayList<>();
        JarEntry list = jar.getJarEntry(LIST);
        if (list == null) throw new IllegalStateException(LIST + " missing from the agent jar");
        try (var in = jar.getInputStream(list)) {
            for (String n : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (n.isBlank()) continue;
                JarEntry e = jar.getJarEntry(n.trim());
                if (e == null) throw new IllegalStateException(n + " is listed in " + LIST + " but missing");
                pending.add(e);
            }
        }
        // A class whose superclass is one of ours must come after it: retry in passes.
        while (!pending.isEmpty()) {
            List<JarEntry> failed = new ArrayList<>();
            Throwable last = null;
            for (JarEntry e : pending) {
                String name = e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.');
                if (definedAlready(name)) continue; // an earlier attach that failed later on
                byte[] bytes;
                try (var in = jar.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                try {
                    defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
                } catch (java.lang.reflect.InvocationTargetException x) {
                    if (!(x.getCause() instanceof NoClassDefFoundError)) throw new IllegalStateException(
                            "cannot define " + name + " in the bootstrap class loader", x.getCause());
                    failed.add(e);
                    last = x.getCause();
                }
            }
            if (!failed.isEmpty() && failed.size() == pending.size()) {
                throw new IllegalStateException("cannot define " + failed, last);
            }
            pending = failed;
        }
    }
}
