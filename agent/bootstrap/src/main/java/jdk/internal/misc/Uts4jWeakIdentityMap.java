package jdk.internal.misc;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values. Identity, because
 * the keys (tasks, threads, class loaders) are application objects whose equals and hashCode may be
 * anything; weakly, so that an entry never keeps a task, a thread or a web application's loader
 * alive. Lookups allocate nothing: they go through a reusable per-thread probe.
 */
final class Uts4jWeakIdentityMap<V> {
    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private final ThreadLocal<Probe> probes = new ThreadLocal<>();

    /** A key as stored: weak, with the identity hash of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) return true;
            Object referent = get();
            if (referent == null) return false;
            if (o instanceof Key) return ((Key) o).get() == referent;
            return o instanceof Probe && ((Probe) o).referent == referent;
        }
    }

    /** A key to look up with: strong, reused by its thread, cleared after use. */
    private static final class Probe {
        Object referent;
        int hash;

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key && ((Key) o).get() == referent;
        }
    }

    private Probe probe(Object referent) {
        Probe p = probes.get();
        if (p == null) {
            p = new Probe();
            probes.set(p);
        }
        p.referent = referent;
        p.hash = System.identityHashCode(referent);
        return p;
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    V get(Object key) {
        if (map.isEmpty()) return null;
        Probe p = probe(key);
        try {
            return map.get(p);
        } finally {
            p.referent = null;
        }
    }

    V remove(Object key) {
        if (map.isEmpty()) return null;
        Probe p = probe(key);
        try {
            return map.remove(p);
        } finally {
            p.referent = null;
        }
    }

    /** Replaces the value only if it is the expected one (identity), like {@code ConcurrentMap.replace}. */
    boolean replace(Object key, V expected, V value) {
        Probe p = probe(key);
        try {
            return map.replace(p, expected, value);
        } finally {
            p.referent = null;
        }
    }

    boolean remove(Object key, V expected) {
        Probe p = probe(key);
        try {
            return map.remove(p, expected);
        } finally {
            p.referent = null;
        }
    }

    void put(Object key, V value) {
        expunge();
        map.put(new Key(key, cleared), value);
    }

    /** Puts the value unless the key has one; returns the value it has, or null if this one was put. */
    V putIfAbsent(Object key, V value) {
        expunge();
        return map.putIfAbsent(new Key(key, cleared), value);
    }

    private void expunge() {
        for (Object k; (k = cleared.poll()) != null; ) map.remove(k);
    }
}
