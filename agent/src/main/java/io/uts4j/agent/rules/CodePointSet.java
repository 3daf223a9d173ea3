package io.uts4j.agent.rules;

import java.util.Arrays;

/**
 * An immutable set of code points, kept as sorted, disjoint, non-adjacent inclusive ranges
 * {@code lo0, hi0, lo1, hi1, ...}. Compile time only: the matcher sees ranges as plain arrays.
 */
final class CodePointSet {
    static final int MAX = Character.MAX_CODE_POINT;

    static final CodePointSet EMPTY = new CodePointSet(new int[0]);
    /** {@code \d}: ASCII digits, as java.util.regex without UNICODE_CHARACTER_CLASS. */
    static final CodePointSet DIGIT = ranges('0', '9');
    /** {@code \w}: {@code [a-zA-Z_0-9]}. */
    static final CodePointSet WORD = ranges('0', '9', 'A', 'Z', '_', '_', 'a', 'z');
    /** {@code \s}: {@code [ \t\n\x0B\f\r]}. */
    static final CodePointSet SPACE = ranges('\t', '\r', ' ', ' ');
    /** {@code .}: anything but the line terminators \n \r U+0085 U+2028 U+2029. */
    static final CodePointSet DOT = ranges('\n', '\n', '\r', '\r', 0x85, 0x85, 0x2028, 0x2029).complement();

    private final int[] ranges;

    private CodePointSet(int[] normalized) {
        this.ranges = normalized;
    }

    static CodePointSet of(int codePoint) {
        return new CodePointSet(new int[] {codePoint, codePoint});
    }

    static CodePointSet range(int lo, int hi) {
        if (lo > hi) throw new IllegalArgumentException("reversed range");
        return new CodePointSet(new int[] {lo, hi});
    }

    /** A set of the given inclusive ranges, in any order, overlapping or not. */
    static CodePointSet ranges(int... pairs) {
        return new CodePointSet(normalize(pairs.clone(), pairs.length));
    }

    /** The ranges {@code lo0, hi0, lo1, hi1, ...}, sorted and disjoint; do not modify. */
    int[] ranges() {
        return ranges;
    }

    boolean isEmpty() {
        return ranges.length == 0;
    }

    boolean contains(int cp) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (cp < ranges[i]) return false;
            if (cp <= ranges[i + 1]) return true;
        }
        return false;
    }

    CodePointSet union(CodePointSet other) {
        if (other.ranges.length == 0) return this;
        if (ranges.length == 0) return other;
        int[] all = Arrays.copyOf(ranges, ranges.length + other.ranges.length);
        System.arraycopy(other.ranges, 0, all, ranges.length, other.ranges.length);
        return new CodePointSet(normalize(all, all.length));
    }

    CodePointSet complement() {
        int[] out = new int[ranges.length + 2];
        int n = 0;
        int next = 0; // first code point not yet accounted for
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                out[n++] = next;
                out[n++] = ranges[i] - 1;
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= MAX) {
            out[n++] = next;
            out[n++] = MAX;
        }
        return new CodePointSet(Arrays.copyOf(out, n));
    }

    /**
     * This set with the other case of every ASCII letter in it: what java.util.regex's
     * CASE_INSENSITIVE (without UNICODE_CASE) makes of a literal or a range.
     */
    CodePointSet foldAsciiCase() {
        int[] out = Arrays.copyOf(ranges, ranges.length * 3);
        int n = ranges.length;
        for (int i = 0; i < ranges.length; i += 2) {
            int lo = Math.max(ranges[i], 'A');
            int hi = Math.min(ranges[i + 1], 'Z');
            if (lo <= hi) {
                out[n++] = lo + 32;
                out[n++] = hi + 32;
            }
            lo = Math.max(ranges[i], 'a');
            hi = Math.min(ranges[i + 1], 'z');
            if (lo <= hi) {
                out[n++] = lo - 32;
                out[n++] = hi - 32;
            }
        }
        return n == ranges.length ? this : new CodePointSet(normalize(out, n));
    }

    private static int[] normalize(int[] pairs, int length) {
        int count = length / 2;
        long[] sorted = new long[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = ((long) pairs[2 * i] << 32) | pairs[2 * i + 1];
        }
        Arrays.sort(sorted);
        int[] out = new int[length];
        int n = 0;
        for (long r : sorted) {
            int lo = (int) (r >>> 32);
            int hi = (int) r;
            if (n > 0 && lo <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], hi);
            } else {
                out[n++] = lo;
                out[n++] = hi;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodePointSet && Arrays.equals(ranges, ((CodePointSet) o).ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }

    @Override
    public String toString() {
        return Arrays.toString(ranges);
    }
}
