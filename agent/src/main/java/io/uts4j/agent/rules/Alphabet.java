package io.uts4j.agent.rules;

import java.util.Arrays;
import java.util.List;

/**
 * Divides the code points into classes whose members no rule tells apart (each class lies inside
 * or outside every set the rules use), so a DFA state needs one transition per class, not per code
 * point. Classes holding an ASCII code point are numbered first, for the matcher's array lookup.
 *
 * <p>The cut points of all sets divide the code points into intervals; classes are unions of
 * intervals found by partition refinement, each set splitting the classes it cuts. A set costs the
 * number of intervals in it or outside it, whichever is smaller; past {@link #REFINE_WORK} in all,
 * refinement stops and every interval is its own class: more transitions, same answers.
 */
final class Alphabet {
    static final long REFINE_WORK = 20_000_000;

    final byte[] asciiClasses = new byte[128];
    final int[] upperStarts;
    final int[] upperClasses;
    final int[] representatives;

    Alphabet(List<CodePointSet> sets) {
        this(sets, REFINE_WORK);
    }

    Alphabet(List<CodePointSet> sets, long refineWork) {
        int[] cuts = cuts(sets);
        int intervals = cuts.length - 1; // interval i is [cuts[i], cuts[i + 1])
        int[] classOf = refine(sets, cuts, intervals, refineWork);

        // Renumber: classes in order of their first interval, so ASCII ones come first.
        int[] number = new int[intervals];
        Arrays.fill(number, -1);
        int classes = 0;
        int[] reps = new int[intervals];
        for (int i = 0; i < intervals; i++) {
            int c = classOf[i];
            if (number[c] < 0) {
                reps[classes] = cuts[i];
                number[c] = classes++;
            }
            classOf[i] = number[c];
        }
        this.representatives = Arrays.copyOf(reps, classes);

        int[] starts = new int[intervals];
        int[] upper = new int[intervals];
        int n = 0;
        for (int i = 0; i < intervals; i++) {
            int c = classOf[i];
            if (cuts[i] < 128) {
                for (int cp = cuts[i]; cp < cuts[i + 1]; cp++) asciiClasses[cp] = (byte) c;
            } else if (n == 0 || upper[n - 1] != c) {
                starts[n] = cuts[i];
                upper[n++] = c;
            }
        }
        this.upperStarts = Arrays.copyOf(starts, n);
        this.upperClasses = Arrays.copyOf(upper, n);
    }

    /** The sorted distinct cut points: 0, 128, one past the last code point, and the sets' edges. */
    private static int[] cuts(List<CodePointSet> sets) {
        int count = 3;
        for (CodePointSet s : sets) count += s.ranges().length;
        int[] cuts = new int[count];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = 128;
        cuts[n++] = CodePointSet.MAX + 1;
        for (CodePointSet s : sets) {
            int[] r = s.ranges();
            for (int i = 0; i < r.length; i += 2) {
                cuts[n++] = r[i];
                cuts[n++] = r[i + 1] + 1;
            }
        }
        Arrays.sort(cuts);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || cuts[distinct - 1] != cuts[i]) cuts[distinct++] = cuts[i];
        }
        return Arrays.copyOf(cuts, distinct);
    }

    /** The class of each interval (class numbers below the interval count). */
    private static int[] refine(List<CodePointSet> sets, int[] cuts, int intervals, long refineWork) {
        int[] classOf = new int[intervals];
        int[] classSize = new int[intervals];
        classSize[0] = intervals;
        int classes = 1;
        int[] members = new int[intervals];
        int[] hits = new int[intervals]; // members in class c, valid when counted[c] == round
        int[] counted = new int[intervals];
        int[] splitTo = new int[intervals]; // c's new part, or -1 if c is wholly in the members
        int[] decided = new int[intervals]; // decided[c] == round: splitTo[c] is this round's
        long work = 0;
        int round = 0;
        for (CodePointSet set : sets) {
            int count = splitters(set, cuts, intervals, members);
            work += count + set.ranges().length;
            if (work > refineWork) {
                for (int i = 0; i < intervals; i++) classOf[i] = i;
                return classOf;
            }
            round++;
            for (int k = 0; k < count; k++) {
                int c = classOf[members[k]];
                if (counted[c] != round) {
                    counted[c] = round;
                    hits[c] = 0;
                }
                hits[c]++;
            }
            for (int k = 0; k < count; k++) {
                int c = classOf[members[k]];
                if (decided[c] != round) {
                    decided[c] = round;
                    splitTo[c] = hits[c] == classSize[c] ? -1 : classes++;
                }
            }
            for (int k = 0; k < count; k++) {
                int c = classOf[members[k]];
                int to = splitTo[c];
                if (to >= 0) {
                    classOf[members[k]] = to;
                    classSize[c]--;
                    classSize[to]++;
                }
            }
        }
        return classOf;
    }

    /**
     * Puts into members the intervals inside the set, or those outside it if fewer (either splits
     * the classes the same way); returns how many.
     */
    private static int splitters(CodePointSet set, int[] cuts, int intervals, int[] members) {
        int[] r = set.ranges();
        int[] from = new int[r.length / 2];
        int[] to = new int[r.length / 2];
        int inside = 0;
        for (int j = 0; j < from.length; j++) {
            from[j] = Arrays.binarySearch(cuts, r[2 * j]); // range edges are cut points
            to[j] = Arrays.binarySearch(cuts, r[2 * j + 1] + 1);
            inside += to[j] - from[j];
        }
        int n = 0;
        if (inside <= intervals - inside) {
            for (int j = 0; j < from.length; j++) {
                for (int k = from[j]; k < to[j]; k++) members[n++] = k;
            }
        } else {
            int gap = 0;
            for (int j = 0; j < from.length; j++) {
                for (int k = gap; k < from[j]; k++) members[n++] = k;
                gap = to[j];
            }
            for (int k = gap; k < intervals; k++) members[n++] = k;
        }
        return n;
    }
}
