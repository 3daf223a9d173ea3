package io.uts4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's weak identity map, reached by reflection (the pom opens its package to these tests):
 * it is package-private, and nothing public shows whether an entry is still there.
 */
class WeakIdentityMapTest {
    /** The map's own methods, by name and arity. */
    static final class WeakIdentityMap {
        private static final Class<?> TYPE;
        private final Object map;

        static {
            try {
                TYPE = Class.forName("jdk.internal.misc.Uts4jWeakIdentityMap");
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        WeakIdentityMap() throws ReflectiveOperationException {
            Constructor<?> c = TYPE.getDeclaredConstructor();
            c.setAccessible(true);
            map = c.newInstance();
        }

        Object call(String name, Object... args) throws Exception {
            for (Method m : TYPE.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    m.setAccessible(true);
                    try {
                        return m.invoke(map, args);
                    } catch (InvocationTargetException e) {
                        throw (Exception) e.getCause();
                    }
                }
            }
            throw new NoSuchMethodException(name + "/" + args.length);
        }

        Object get(Object key) throws Exception { return call("get", key); }
        void put(Object key, Object value) throws Exception { call("put", key, value); }
        Object putIfAbsent(Object key, Object value) throws Exception { return call("putIfAbsent", key, value); }
        Object remove(Object key) throws Exception { return call("remove", key); }
        boolean remove(Object key, Object expected) throws Exception { return (Boolean) call("remove", key, expected); }
        boolean replace(Object key, Object expected, Object value) throws Exception {
            return (Boolean) call("replace", key, expected, value);
        }
        boolean isEmpty() throws Exception { return (Boolean) call("isEmpty"); }
    }

    /** A key that equals every other of its kind, with one hash code for all: only identity tells them apart. */
    static final class Clingy {
        @Override
        public boolean equals(Object o) {
            return o instanceof Clingy;
        }

        @Override
        public int hashCode() {
            return 7;
        }
    }

    @Test
    void keysAreComparedByIdentityNotEquals() throws Exception {
        WeakIdentityMap map = new WeakIdentityMap();
        Clingy one = new Clingy();
        Clingy two = new Clingy();
        map.put(one, "one");
        map.put(two, "two");
        assertThat(map.get(one)).isEqualTo("one");
        assertThat(map.get(two)).isEqualTo("two");
        assertThat(map.get(new Clingy())).isNull();
        assertThat(map.remove(one)).isEqualTo("one");
        assertThat(map.get(two)).isEqualTo("two");
    }

    @Test
    void theSameKeyHasOneEntry() throws Exception {
        WeakIdentityMap map = new WeakIdentityMap();
        Object key = new Object();
        map.put(key, "first");
        map.put(key, "second");
        assertThat(map.get(key)).isEqualTo("second");
        assertThat(map.putIfAbsent(key, "third")).isEqualTo("second");
        assertThat(map.putIfAbsent(new Object(), "other")).isNull();
    }

    @Test
    void replaceAndRemoveActOnlyOnTheExpectedValue() throws Exception {
        WeakIdentityMap map = new WeakIdentityMap();
        Object key = new Object();
        Object value = new Object();
        map.put(key, value);
        assertThat(map.replace(key, new Object(), "no")).isFalse();
        assertThat(map.replace(key, value, "yes")).isTrue();
        assertThat(map.remove(key, "no")).isFalse();
        assertThat(map.remove(key, "yes")).isTrue();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get(null)).as("a null key is just absent").isNull();
    }

    /** Puts a key reachable from nowhere else, and returns only a weak reference to it. */
    private static WeakReference<Object> putUnreachable(WeakIdentityMap map) throws Exception {
        Object key = new Object();
        map.put(key, "value");
        assertThat(map.get(key)).isEqualTo("value");
        return new WeakReference<>(key);
    }

    @Test
    void anEntryVanishesOnceItsKeyIsUnreachable() throws Exception {
        WeakIdentityMap map = new WeakIdentityMap();
        WeakReference<Object> key = putUnreachable(map);
        Object other = new Object();
        boolean gone = false;
        for (int attempt = 0; attempt < 200 && !gone; attempt++) {
            System.gc();
            // A put clears what the collector has queued; a remove takes the put's own entry away again.
            map.put(other, "other");
            map.remove(other);
            gone = key.get() == null && map.isEmpty();
            if (!gone) Thread.sleep(10); // lets the reference handler thread queue the cleared key
        }
        assertThat(key.get()).as("the map does not keep its key alive").isNull();
        assertThat(map.isEmpty()).as("the entry of a collected key is removed").isTrue();
    }
}
