package io.uts4j.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Defines the fixture classes itself, the woven ones from their woven bytes, so that the JVM verifies
 * them (classes outside the boot loader are verified by default); everything else, the hooks
 * included, comes from the test's own loader.
 */
final class FixtureLoader extends ClassLoader {
    static final String FIXTURES = "io.uts4j.agent.weave.fixture.";

    private final Map<String, byte[]> woven;

    FixtureLoader(Map<String, byte[]> woven) {
        super("fixtures", FixtureLoader.class.getClassLoader());
        this.woven = woven;
    }

    /** A fixture's class file as compiled. */
    static byte[] original(Class<?> fixture) {
        return original(fixture.getName());
    }

    static byte[] original(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = FixtureLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(FIXTURES)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = woven.containsKey(name) ? woven.get(name) : original(name);
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }
}
