package io.uts4j.agent.boot;

import io.uts4j.agent.ThisJar;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines uts4j's bootstrap — what code woven into JDK methods calls — inside {@code java.base},
 * where no application can reach it: its packages are not exported to anyone but this isolated
 * part of the agent. Instrumentation opens them to this module alone, and a private lookup in
 * each package defines the classes there. Plus the one public class the API looks for, in the
 * bootstrap class loader, which holds the API's bridge.
 *
 * <p>This class refers to no bootstrap class: it runs before they exist.
 */
public final class Bootstrap {
    /** Written by the build: the bootstrap's class files, one a line, relative to {@code inst/}. */
    static final String LIST = "boot/classes.txt";
    static final String LINK = "io.uts4j.link.AgentLink";
    private static final String INSTALL = "jdk.internal.misc.Uts4jInstall";

    private Bootstrap() {}

    /**
     * Exports {@code jdk.internal.misc} to this module alone (the bootstrap's agent-facing classes,
     * and {@code Unsafe}, which defines them), and defines the bootstrap unless an earlier attach did
     * (one that failed later). Nothing is opened, and nothing is exported to anyone else.
     */
    public static void define(Instrumentation inst) throws IOException, ReflectiveOperationException {
        Module self = Bootstrap.class.getModule();
        Set<Module> us = Set.of(self);
        inst.redefineModule(Object.class.getModule(), Set.of(), Map.of("jdk.internal.misc", us), Map.of(), Set.of(), Map.of());
        if (isDefined(INSTALL)) return;
        // Straight from the jar: a resource URL per class would cost a URL connection each.
        try (JarFile jar = new JarFile(ThisJar.path().toFile(), false)) {
            defineAll(jar);
        }
    }

    private static void defineAll(JarFile jar) throws IOException {
        // A class may need another of them to be defined first (the JVM verifies the bootstrap
        // where -XX:+BytecodeVerificationLocal asks it to): define in passes until all are in.
        List<String> pending = new ArrayList<>(List.of(new String(read(jar, LIST), StandardCharsets.UTF_8).trim().split("\n")));
        while (!pending.isEmpty()) {
            List<String> later = new ArrayList<>();
            LinkageError last = null;
            for (String path : pending) {
                String name = path.substring("boot/".length(), path.length() - ".classdata".length()).replace('/', '.');
                try {
                    define(name, read(jar, path));
                } catch (NoClassDefFoundError e) {
                    later.add(path);
                    last = e;
                } catch (LinkageError e) {
                    if (!isDefined(name)) throw e; // else an earlier attach, which failed later on, defined it
                }
            }
            if (later.size() == pending.size()) throw last;
            pending = later;
        }
    }

    /**
     * Defines one class in the bootstrap class loader: in java.base for the packages java.base has,
     * in that loader's unnamed module for the link (where every copy of the API finds it). What a
     * private lookup's {@code defineClass} would do, without parsing each class file again to check
     * its name and package (with the JDK's class-file library, on JDK 25: a third of a cold start's
     * definition time, and compilations whose memory the JVM keeps).
     */
    private static void define(String name, byte[] bytes) {
        jdk.internal.misc.Unsafe.getUnsafe().defineClass(name, bytes, 0, bytes.length, null, null);
    }

    /**
     * Puts the bridge where the public API finds it (a private field: no public method sets it).
     *
     * @param bridge the bootstrap's bridge (typed Object here: this class must not need the bootstrap to load)
     */
    public static void publishBridge(Object bridge) throws ReflectiveOperationException {
        Class<?> link = Class.forName(LINK, true, null);
        // Unsafe rather than a VarHandle, which the start would otherwise set up for this one write.
        java.lang.reflect.Field field = link.getDeclaredField("bridge");
        jdk.internal.misc.Unsafe u = jdk.internal.misc.Unsafe.getUnsafe();
        u.putReferenceVolatile(u.staticFieldBase(field), u.staticFieldOffset(field), bridge);
    }

    private static boolean isDefined(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static byte[] read(JarFile jar, String path) throws IOException {
        JarEntry e = jar.getJarEntry("inst/" + path.trim());
        if (e == null) throw new IOException(path + " is missing from the agent jar");
        try (InputStream in = jar.getInputStream(e)) {
            byte[] bytes = new byte[(int) e.getSize()]; // from the jar's directory: one read, no copying
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) throw new IOException(path + " is truncated");
            return bytes;
        }
    }
}
