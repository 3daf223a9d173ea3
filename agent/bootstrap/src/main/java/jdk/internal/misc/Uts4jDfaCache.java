package jdk.internal.misc;

import java.util.Arrays;

/**
 * Builds DFA states on demand by subset construction over a {@link Uts4jRuleProgram}, and keeps them
 * within a memory budget: when a new state would exceed it, every state is dropped and building
 * starts over from a new start state. Matching threads holding dropped states go on correctly; the
 * dropped states just get no new transitions. All building happens under one lock.
 */
final class Uts4jDfaCache {
    private final Uts4jRuleProgram program;
    private final long budgetBytes;
    private final Object lock = new Object();
    private volatile Uts4jDfaState start;

    // Guarded by lock.
    private Uts4jDfaState[] table = new Uts4jDfaState[64]; // open addressing on the NFA state set
    private int size;
    private long usedBytes;
    private int generation;
    private int flushes;
    private final int[] mark; // mark[s] == stamp: NFA state s already reached in this step
    private int stamp;
    private final int[] stack;
    private final int[] found;

    Uts4jDfaCache(Uts4jRuleProgram program, long budgetBytes) {
        this.program = program;
        this.budgetBytes = budgetBytes;
        int n = program.kind.length;
        this.mark = new int[n];
        this.stack = new int[n];
        this.found = new int[n];
        synchronized (lock) {
            start = intern(startSet());
        }
    }

    Uts4jDfaState start() {
        return start;
    }

    int flushes() {
        synchronized (lock) {
            return flushes;
        }
    }

    /** The state after {@code from} reads a code point of class {@code cls}, built if need be. */
    Uts4jDfaState transition(Uts4jDfaState from, int cls) {
        synchronized (lock) {
            Uts4jDfaState known = cls < from.ascii.length ? from.ascii[cls] : from.sparseTarget(cls);
            if (known != null) return known;
            Uts4jDfaState to = intern(step(from.nfaStates, program.classRepresentatives[cls]));
            if (from.generation == generation) { // not dropped meanwhile
                from.link(cls, to);
                if (cls >= from.ascii.length) usedBytes += 16; // the ASCII array is counted with the state

            }
            return to;
        }
    }

    /** The NFA states (in found) reached from the rules' starts without reading. */
    private int startSet() {
        int s = nextStamp();
        int top = 0;
        for (int r : program.ruleStarts) {
            if (r >= 0 && mark[r] != s) {
                mark[r] = s;
                stack[top++] = r;
            }
        }
        return closure(top, s);
    }

    /** The NFA states (in found) reached from {@code states} by reading {@code cp}. */
    private int step(int[] states, int cp) {
        int s = nextStamp();
        int top = 0;
        byte[] kind = program.kind;
        for (int state : states) {
            if (kind[state] == Uts4jRuleProgram.CONSUME && program.setContains(program.arg[state], cp)) {
                int to = program.next[state];
                if (mark[to] != s) {
                    mark[to] = s;
                    stack[top++] = to;
                }
            }
        }
        return closure(top, s);
    }

    /** Follows SPLITs from the stacked states; collects the CONSUME and MATCH states into found. */
    private int closure(int top, int s) {
        int n = 0;
        while (top > 0) {
            int state = stack[--top];
            if (program.kind[state] != Uts4jRuleProgram.SPLIT) {
                found[n++] = state;
                continue;
            }
            int a = program.next[state];
            int b = program.arg[state];
            if (mark[a] != s) {
                mark[a] = s;
                stack[top++] = a;
            }
            if (mark[b] != s) {
                mark[b] = s;
                stack[top++] = b;
            }
        }
        return n;
    }

    private int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        return stamp;
    }

    /**
     * The cached state for the set in found[0 .. n), made if new. A state is counted as the bytes of
     * its NFA state set and ASCII transitions, plus a fixed 112 for its objects and table slot.
     */
    private Uts4jDfaState intern(int n) {
        Arrays.sort(found, 0, n);
        int hash = 1;
        for (int i = 0; i < n; i++) hash = 31 * hash + found[i];
        Uts4jDfaState known = lookup(found, n, hash);
        if (known != null) return known;
        int[] set = Arrays.copyOf(found, n);
        long cost = 4L * n + 4L * program.asciiClassCount + 112;
        if (usedBytes + cost > budgetBytes && size > 0) {
            flush(); // reuses found: set is a copy
            known = lookup(set, n, hash);
            if (known != null) return known;
        }
        int accept = -1;
        for (int state : set) {
            if (program.kind[state] == Uts4jRuleProgram.MATCH && (accept < 0 || program.arg[state] < accept)) {
                accept = program.arg[state];
            }
        }
        Uts4jDfaState made = new Uts4jDfaState(set, hash, accept, generation, program.asciiClassCount);
        insert(made);
        usedBytes += cost;
        return made;
    }

    private void flush() {
        table = new Uts4jDfaState[64];
        size = 0;
        usedBytes = 0;
        generation++;
        flushes++;
        start = intern(startSet()); // size is 0: no second flush
    }

    private Uts4jDfaState lookup(int[] set, int n, int hash) {
        int mask = table.length - 1;
        for (int i = mix(hash) & mask; table[i] != null; i = (i + 1) & mask) {
            Uts4jDfaState d = table[i];
            if (d.hash == hash && Arrays.equals(d.nfaStates, 0, d.nfaStates.length, set, 0, n)) return d;
        }
        return null;
    }

    private void insert(Uts4jDfaState d) {
        if (2 * (size + 1) > table.length) {
            Uts4jDfaState[] old = table;
            table = new Uts4jDfaState[old.length * 2];
            for (Uts4jDfaState e : old) {
                if (e != null) place(e);
            }
        }
        place(d);
        size++;
    }

    private void place(Uts4jDfaState d) {
        int mask = table.length - 1;
        int i = mix(d.hash) & mask;
        while (table[i] != null) i = (i + 1) & mask;
        table[i] = d;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
