package io.uts4j.agent.jna;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import io.uts4j.agent.ThisJar;
import jdk.internal.misc.Uts4jInstall;

/**
 * JNA as a named module ({@code com.sun.jna}) in a module layer of the agent's own, read from the
 * agent jar's {@code inst/jna/}, made the first time kernel code needs it.
 *
 * <p>Why a named module: from JDK 22 on, the JVM grants native access per module, and warns (or,
 * under {@code --illegal-native-access=deny}, refuses) when a module without it loads a native
 * library, as JNA does. A layer's module can be granted native access by its creator, through
 * {@code ModuleLayer.Controller.enableNativeAccess}, when that creator has native access itself:
 * the agent's bootstrap, which lives in java.base, has. So JNA alone gets it — not the application's
 * class path, and with no command-line flag.
 */
public final class JnaLayer {
    static final String MODULE = "com.sun.jna";
    private static final String PREFIX = "inst/jna/";
    private static ClassLoader loader;

    private JnaLayer() {}

    /**
     * JNA's class loader, the layer made on first call; null where no agent started (the jar's own
     * commands), as only the agent's bootstrap can grant the layer native access, and before JDK 22,
     * where native access is not restricted: there the layer would only cost the start (resolving a
     * module graph, some 30 ms cold) and JNA loads with the agent's own classes.
     */
    public static synchronized ClassLoader loader() throws IOException {
        if (loader == null && Runtime.version().feature() >= NATIVE_ACCESS_RESTRICTED && agentStarted()) {
            loader = make();
        }
        return loader;
    }

    /** The first JDK that grants native access per module (JEP 454); JNI without it warns from JDK 24 (JEP 472). */
    private static final int NATIVE_ACCESS_RESTRICTED = 22;

    private static boolean agentStarted() {
        try {
            Class.forName("jdk.internal.misc.Uts4jInstall", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ClassLoader make() throws IOException {
        Path jarPath = ThisJar.path();
        JarFile jar = new JarFile(jarPath.toFile(), false); // open for the JVM's life, as the layer's classes are
        Set<String> packages = new TreeSet<>();
        List<String> resources = new ArrayList<>();
        for (JarEntry e : Collections.list(jar.entries())) {
            String n = e.getName();
            if (!n.startsWith(PREFIX) || e.isDirectory()) continue;
            String name = n.substring(PREFIX.length());
            if (name.endsWith(".classdata")) {
                name = name.substring(0, name.length() - ".classdata".length()) + ".class";
                packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
            }
            resources.add(name);
        }
        // JNA's own module declaration, but for what uts4j does not use (java.desktop, for AWT): an
        // explicit module reads two modules where an automatic one reads every module of the JDK.
        ModuleDescriptor.Builder declared = ModuleDescriptor.newModule(MODULE).requires("java.logging");
        for (String p : packages) declared.exports(p);
        ModuleDescriptor descriptor = declared.build();
        URI location = jarPath.toUri();
        ModuleReference reference = new ModuleReference(descriptor, location) {
            @Override
            public ModuleReader open() {
                return new Reader(jar, resources, "jar:" + location + "!/");
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return MODULE.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(MODULE));
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(cf, List.of(ModuleLayer.boot()),
                ClassLoader.getPlatformClassLoader());
        Module jna = controller.layer().findModule(MODULE).orElseThrow();
        try {
            Uts4jInstall.enableNativeAccess(controller, jna);
        } catch (Exception e) {
            throw new IllegalStateException("cannot grant JNA's module native access: " + e, e);
        }
        return jna.getClassLoader();
    }

    /** Reads JNA's classes (stored as .classdata) and native libraries from the agent jar. */
    private static final class Reader implements ModuleReader {
        private final JarFile jar;
        private final List<String> resources;
        private final String base;

        Reader(JarFile jar, List<String> resources, String base) {
            this.jar = jar;
            this.resources = resources;
            this.base = base;
        }

        private JarEntry entry(String name) {
            String stored = name.endsWith(".class")
                    ? name.substring(0, name.length() - ".class".length()) + ".classdata" : name;
            return jar.getJarEntry(PREFIX + stored);
        }

        @Override
        public Optional<URI> find(String name) {
            JarEntry e = entry(name);
            return e == null ? Optional.empty() : Optional.of(URI.create(base + e.getName()));
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            JarEntry e = entry(name);
            return e == null ? Optional.empty() : Optional.of(jar.getInputStream(e));
        }

        @Override
        public Optional<ByteBuffer> read(String name) throws IOException {
            Optional<InputStream> in = open(name);
            if (in.isEmpty()) return Optional.empty();
            try (InputStream s = in.get()) {
                return Optional.of(ByteBuffer.wrap(s.readAllBytes()));
            }
        }

        @Override
        public Stream<String> list() {
            return resources.stream();
        }

        @Override
        public void close() {
            // the jar stays open: the layer's loader reads it for the JVM's life
        }
    }

}
