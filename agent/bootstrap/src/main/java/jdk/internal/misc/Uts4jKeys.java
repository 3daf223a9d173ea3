package jdk.internal.misc;

import java.util.Collection;

/**
 * The keys (property or environment names) that some tenant overrides, each with an index into
 * the tenants' answer arrays. "Is this key overridden at all" must cost almost nothing: a bit of a
 * 64-bit mask, chosen by the key's (cached) hash, rules out most keys before any probe.
 */
final class Uts4jKeys {
    static final Uts4jKeys NONE = new Uts4jKeys(java.util.List.of());

    private final long mask;
    private final String[] slots; // open addressing, power-of-two length
    private final int[] indexes;
    private final String[] keys;  // by index

    Uts4jKeys(Collection<String> distinctKeys) {
        keys = distinctKeys.toArray(new String[0]);
        int size = Integer.highestOneBit(Math.max(4, keys.length * 4 - 1)) << 1;
        slots = new String[size];
        indexes = new int[size];
        long m = 0;
        for (int i = 0; i < keys.length; i++) {
            int h = keys[i].hashCode();
            m |= 1L << h;
            int s = spread(h) & (size - 1);
            while (slots[s] != null) s = (s + 1) & (size - 1);
            // Interned: code asks with literals, which are interned, and String.equals then answers at its
            // first test (the same object) instead of comparing the characters.
            slots[s] = keys[i].intern();
            indexes[s] = i;
        }
        mask = m;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    int size() {
        return keys.length;
    }

    String key(int index) {
        return keys[index];
    }

    /** The key's index, or -1 when no tenant overrides it (null included). */
    int indexOf(String key) {
        if (key == null) return -1;
        int h = key.hashCode();
        if ((mask & (1L << h)) == 0) return -1;
        int n = slots.length - 1;
        for (int s = spread(h) & n; ; s = (s + 1) & n) {
            String k = slots[s];
            if (k == null) return -1;
            if (k.equals(key)) return indexes[s];
        }
    }
}
