package jdk.internal.misc;

/**
 * A state of the lazily built DFA: a set of NFA states, and the transitions found so far. The
 * transitions are immutable arrays replaced whole under the cache's lock and read through volatile
 * fields, so a matching thread needs no lock and sees either no transition or a complete state.
 */
final class Uts4jDfaState {
    final int[] nfaStates; // sorted: the CONSUME and MATCH states reached
    final int hash;
    final int accept; // the lowest rule that matches if the input ends here, or -1
    final boolean dead; // no NFA state left: no rule can match whatever follows
    final int generation; // of the cache that made it; a flushed generation gets no new transitions

    /** Transitions on the classes {@code 0 .. asciiClassCount - 1}; null where not built yet. */
    volatile Uts4jDfaState[] ascii;
    /** Transitions on the other classes: sorted class numbers, and their targets. */
    volatile Sparse sparse;

    static final class Sparse {
        final int[] classes;
        final Uts4jDfaState[] targets;

        Sparse(int[] classes, Uts4jDfaState[] targets) {
            this.classes = classes;
            this.targets = targets;
        }
    }

    Uts4jDfaState(int[] nfaStates, int hash, int accept, int generation, int asciiClassCount) {
        this.nfaStates = nfaStates;
        this.hash = hash;
        this.accept = accept;
        this.dead = nfaStates.length == 0;
        this.generation = generation;
        this.ascii = new Uts4jDfaState[asciiClassCount];
    }

    /** The transition on a class at or above the ASCII classes, or null if not built yet. */
    Uts4jDfaState sparseTarget(int cls) {
        Sparse s = sparse;
        if (s == null) return null;
        int lo = 0;
        int hi = s.classes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = s.classes[mid];
            if (c < cls) lo = mid + 1;
            else if (c > cls) hi = mid - 1;
            else return s.targets[mid];
        }
        return null;
    }

    /** Adds a transition; only under the cache's lock, which keeps writers from losing each other's. */
    void link(int cls, Uts4jDfaState target) {
        Uts4jDfaState[] a = ascii;
        if (cls < a.length) {
            Uts4jDfaState[] copy = a.clone();
            copy[cls] = target;
            ascii = copy;
            return;
        }
        Sparse s = sparse;
        int n = s == null ? 0 : s.classes.length;
        int[] classes = new int[n + 1];
        Uts4jDfaState[] targets = new Uts4jDfaState[n + 1];
        int i = 0;
        while (i < n && s.classes[i] < cls) {
            classes[i] = s.classes[i];
            targets[i] = s.targets[i];
            i++;
        }
        classes[i] = cls;
        targets[i] = target;
        for (; i < n; i++) {
            classes[i + 1] = s.classes[i];
            targets[i + 1] = s.targets[i];
        }
        sparse = new Sparse(classes, targets);
    }
}
