package io.uts4j.agent.rules;

import java.util.List;

/**
 * A parsed rule: what it matches, with nothing of how java.util.regex would search for it (groups,
 * greediness and anchors do not change which whole strings match). {@link #states} is the number of
 * automaton states {@link NfaBuilder} will make of it, known before anything is built.
 */
final class RuleNode {
    enum Kind { EMPTY, SET, CONCAT, ALT, REPEAT }

    static final int UNBOUNDED = -1;
    static final RuleNode EMPTY = new RuleNode(Kind.EMPTY, null, List.of(), 0, 0, 0);

    final Kind kind;
    final CodePointSet set; // SET
    final List<RuleNode> children; // CONCAT, ALT; REPEAT: the one repeated
    final int min;
    final int max; // REPEAT: UNBOUNDED or at least min
    final long states;

    private RuleNode(Kind kind, CodePointSet set, List<RuleNode> children, int min, int max, long states) {
        this.kind = kind;
        this.set = set;
        this.children = children;
        this.min = min;
        this.max = max;
        this.states = states;
    }

    static RuleNode set(CodePointSet set) {
        return new RuleNode(Kind.SET, set, List.of(), 0, 0, 1);
    }

    static RuleNode concat(List<RuleNode> items) {
        if (items.isEmpty()) return EMPTY;
        if (items.size() == 1) return items.get(0);
        long states = 0;
        for (RuleNode n : items) states += n.states;
        return new RuleNode(Kind.CONCAT, null, List.copyOf(items), 0, 0, states);
    }

    static RuleNode alt(List<RuleNode> branches) {
        if (branches.size() == 1) return branches.get(0);
        long states = branches.size() - 1; // one split per branch but the last
        for (RuleNode n : branches) states += n.states;
        return new RuleNode(Kind.ALT, null, List.copyOf(branches), 0, 0, states);
    }

    static RuleNode repeat(RuleNode body, int min, int max) {
        if (max == 0 || body.kind == Kind.EMPTY) return EMPTY;
        if (min == 1 && max == 1) return body;
        long s = body.states;
        // x{n,} is n-1 copies and a loop; x{n,m} is n copies and m-n nested optional ones.
        long states = max == UNBOUNDED ? Math.max(min, 1) * s + 1 : min * s + (max - min) * (s + 1);
        return new RuleNode(Kind.REPEAT, null, List.of(body), min, max, states);
    }
}
