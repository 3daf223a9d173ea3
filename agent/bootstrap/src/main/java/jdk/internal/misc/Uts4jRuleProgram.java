package jdk.internal.misc;

/**
 * Rules compiled into one Thompson NFA over an alphabet of character classes: plain arrays, made by
 * the rule compiler and read by {@link Uts4jRuleMatcher}. Immutable once made (the arrays are taken, not
 * copied: nobody may change them afterwards).
 *
 * <p>State {@code s} is one of:
 * <ul>
 *   <li>{@link #CONSUME}: reads one code point in set {@code arg[s]} and goes to {@code next[s]};
 *   <li>{@link #SPLIT}: goes to both {@code next[s]} and {@code arg[s]} without reading;
 *   <li>{@link #MATCH}: rule {@code arg[s]} matches the whole input if the input ends here.
 * </ul>
 * Set {@code k} is the inclusive code point ranges {@code setRanges[setOffsets[k] ..
 * setOffsets[k + 1])}, as pairs {@code lo, hi}, sorted. Rule {@code r} starts at
 * {@code ruleStarts[r]}, or never matches if that is -1.
 *
 * <p>The alphabet: code points fall into classes such that every code point of a class is in the
 * same sets. Code point {@code c < 128} is in class {@code asciiClasses[c]}; above, in
 * {@code upperClasses[i]} for the last {@code upperStarts[i] <= c} ({@code upperStarts[0] == 128}).
 * The classes holding an ASCII code point are numbered first, {@code 0 .. asciiClassCount - 1};
 * {@code classRepresentatives[k]} is some code point of class {@code k}.
 *
 * <p>Depends on java.base only, and on nothing of the compiler.
 */
public final class Uts4jRuleProgram {
    public static final byte CONSUME = 0;
    public static final byte SPLIT = 1;
    public static final byte MATCH = 2;

    final int ruleCount;
    final int[] ruleStarts;
    final byte[] kind;
    final int[] next;
    final int[] arg;
    final int[] setOffsets;
    final int[] setRanges;
    final byte[] asciiClasses;
    final int asciiClassCount;
    final int[] upperStarts;
    final int[] upperClasses;
    final int[] classRepresentatives;

    /**
     * @throws IllegalArgumentException if the arrays do not describe a program as above
     */
    public Uts4jRuleProgram(int[] ruleStarts, byte[] kind, int[] next, int[] arg, int[] setOffsets, int[] setRanges,
                       byte[] asciiClasses, int[] upperStarts, int[] upperClasses, int[] classRepresentatives) {
        this.ruleCount = ruleStarts.length;
        this.ruleStarts = ruleStarts;
        this.kind = kind;
        this.next = next;
        this.arg = arg;
        this.setOffsets = setOffsets;
        this.setRanges = setRanges;
        this.asciiClasses = asciiClasses;
        this.upperStarts = upperStarts;
        this.upperClasses = upperClasses;
        this.classRepresentatives = classRepresentatives;
        int ascii = 0;
        for (byte c : asciiClasses) ascii = Math.max(ascii, c + 1);
        this.asciiClassCount = ascii;
        check();
    }

    /** Every index in range, so that matching cannot fail on a malformed program. */
    private void check() {
        int states = kind.length;
        int sets = setOffsets.length - 1;
        int classes = classRepresentatives.length;
        require(next.length == states && arg.length == states && sets >= 0 && setOffsets[0] == 0
                && setOffsets[sets] == setRanges.length, "array lengths disagree");
        for (int k = 0; k < sets; k++) {
            require(setOffsets[k] <= setOffsets[k + 1] && (setOffsets[k] & 1) == 0, "bad set offsets");
        }
        for (int s = 0; s < states; s++) {
            if (kind[s] == CONSUME) {
                require(inRange(next[s], states) && inRange(arg[s], sets), "bad CONSUME state");
            } else if (kind[s] == SPLIT) {
                require(inRange(next[s], states) && inRange(arg[s], states), "bad SPLIT state");
            } else {
                require(kind[s] == MATCH && inRange(arg[s], ruleCount), "bad MATCH state");
            }
        }
        for (int start : ruleStarts) require(start == -1 || inRange(start, states), "bad rule start");
        require(asciiClasses.length == 128 && upperStarts.length > 0 && upperStarts[0] == 128
                && upperClasses.length == upperStarts.length, "bad alphabet");
        for (byte c : asciiClasses) require(c >= 0 && c < classes, "bad ASCII class");
        for (int i = 0; i < upperStarts.length; i++) {
            require(inRange(upperClasses[i], classes), "bad class");
            require(i == 0 || upperStarts[i - 1] < upperStarts[i], "unsorted alphabet");
        }
    }

    private static boolean inRange(int index, int length) {
        return index >= 0 && index < length;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) throw new IllegalArgumentException(problem);
    }

    /** The number of rules, matched or not. */
    public int ruleCount() {
        return ruleCount;
    }

    /** The number of NFA states. */
    public int stateCount() {
        return kind.length;
    }

    /** The number of character classes in the alphabet. */
    public int classCount() {
        return classRepresentatives.length;
    }

    /** The class of a code point at or above 128. */
    int upperClass(int cp) {
        int lo = 0;
        int hi = upperStarts.length - 1;
        while (lo < hi) { // the last start <= cp
            int mid = (lo + hi + 1) >>> 1;
            if (upperStarts[mid] <= cp) lo = mid;
            else hi = mid - 1;
        }
        return upperClasses[lo];
    }

    boolean setContains(int set, int cp) {
        int lo = setOffsets[set] >> 1;
        int hi = (setOffsets[set + 1] >> 1) - 1;
        while (lo <= hi) { // binary search over the pairs
            int mid = (lo + hi) >>> 1;
            if (cp < setRanges[2 * mid]) hi = mid - 1;
            else if (cp > setRanges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** The class a code point is in (for tests of the compiler's alphabet). */
    public int classOf(int codePoint) {
        return codePoint < 128 ? asciiClasses[codePoint] : upperClass(codePoint);
    }

    /** How many classes hold an ASCII code point (they are numbered first). */
    public int asciiClassCount() {
        return asciiClassCount;
    }
}
