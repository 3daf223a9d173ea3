package io.uts4j.agent.weave;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/** A fixture class woven, defined (and so verified) in a loader of its own, and called by reflection. */
final class Woven {
    final Class<?> type;

    private Woven(Class<?> type) {
        this.type = type;
    }

    /** Weaves the fixture with the targets, each naming its method; fails if nothing was woven. */
    static Woven weave(Class<?> fixture, List<Target> targets) throws ClassNotFoundException {
        byte[] woven = ClassPatcher.weave(FixtureLoader.original(fixture), targets);
        if (woven == null) throw new AssertionError("nothing of " + fixture.getName() + " was woven");
        // Initialising links the class, and linking verifies every method of it.
        return new Woven(Class.forName(fixture.getName(), true, new FixtureLoader(Map.of(fixture.getName(), woven))));
    }

    /** The fixture as compiled, from the same kind of loader: what the woven one must behave like. */
    static Woven original(Class<?> fixture) throws ClassNotFoundException {
        return new Woven(Class.forName(fixture.getName(), true, new FixtureLoader(Map.of())));
    }

    /** A target of one method of a fixture (its descriptor: null for every method of that name). */
    static Target target(Class<?> fixture, String method, String descriptor, Rewrite rewrite) {
        return new Target(fixture.getName().replace('.', '/'), method, descriptor, rewrite,
                fixture.getSimpleName() + "." + method);
    }

    Object newInstance(Object... args) throws Throwable {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == args.length) {
                try {
                    return c.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException("a constructor of " + args.length + " arguments");
    }

    /** Calls a static method, or an instance method on {@code self}, by name and number of arguments. */
    Object call(Object self, String name, Object... args) throws Throwable {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length
                    && Modifier.isStatic(m.getModifiers()) == (self == null)) {
                try {
                    return m.invoke(self, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name + "/" + args.length);
    }

    Object call(String name, Object... args) throws Throwable {
        return call(null, name, args);
    }
}
