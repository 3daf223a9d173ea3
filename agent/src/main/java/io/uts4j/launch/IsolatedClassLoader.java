package io.uts4j.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's implementation and its library uts4j-native from the {@code inst/} folder of
 * the agent jar, where class files are stored as {@code .classdata}: no other class loader can see
 * them, so an application's own JNA never meets the agent's. Its parent is
 * the platform loader: it sees the JDK, not the application. JNA's classes come from a module layer
 * of their own, which the agent makes the first time kernel code needs them.
 */
final class IsolatedClassLoader extends ClassLoader {
    static final String PREFIX = "inst/";
    private static final String JNA_PACKAGES = "com.sun.jna.";
    private static final String JNA_LAYER = "io.uts4j.agent.jna.JnaLayer";
    /** Where JNA's classes and native libraries are, inside {@link #PREFIX}. */
    private static final String JNA_PREFIX = "jna/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;
    private volatile ClassLoader jna;

    IsolatedClassLoader(JarFile jar, URL location) {
        super("uts4j", ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.jarUrl = "jar:" + location + "!/";
        this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(JNA_PACKAGES)) {
            ClassLoader l = jna();
            if (l != this) return l.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /**
     * JNA's loader: in an agent, the agent's layer, made (with native access for JNA's module alone) on
     * first use; for the jar's own commands ({@code java -jar}, where the manifest grants native
     * access and no agent is there to grant a layer any), this loader itself.
     */
    private ClassLoader jna() throws ClassNotFoundException {
        ClassLoader l = jna;
        if (l == null) {
            synchronized (this) {
                if (jna == null) {
                    try {
                        Object layer = Class.forName(JNA_LAYER, true, this).getMethod("loader").invoke(null);
                        jna = layer != null ? (ClassLoader) layer : this;
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
                        throw new ClassNotFoundException("JNA's module layer could not be made: " + cause, cause);
                    }
                }
                l = jna;
            }
        }
        return l;
    }

    private static String stored(String name) {
        return name.startsWith("com/sun/jna/") ? JNA_PREFIX + name : name;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + stored(name.replace('.', '/')) + ".classdata");
        if (entry == null) throw new ClassNotFoundException(name);
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            // The size is in the jar's directory: one read into the right array. readAllBytes, run
            // by the interpreter at start-up, costs a millisecond per dozen classes in its copying.
            bytes = new byte[(int) entry.getSize()];
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) throw new IOException("truncated entry");
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // another thread defined it first
                }
            }
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    /** Resources under inst/ keep their names, but for class files, stored as {@code X.classdata}. */
    @Override
    protected URL findResource(String name) {
        String path = PREFIX + stored(name.endsWith(".class")
                ? name.substring(0, name.length() - ".class".length()) + ".classdata" : name);
        if (jar.getJarEntry(path) == null) return null;
        try {
            return new URL(jarUrl + path);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The agent's own resources (such as its version) straight from the jar: asking the parent first
     * would search the JDK's modules and the URL would open a connection, which costs milliseconds
     * of every start; no JDK module holds anything under {@code io/uts4j/}.
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        if (!name.startsWith("io/uts4j/") || name.endsWith(".class")) return super.getResourceAsStream(name);
        JarEntry entry = jar.getJarEntry(PREFIX + name);
        try {
            return entry == null ? null : jar.getInputStream(entry);
        } catch (IOException e) {
            return null; // as ClassLoader.getResourceAsStream does
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL u = findResource(name);
        return u == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(u));
    }
}
