package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleProgram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one Thompson NFA of many parsed rules, in the arrays a {@link Uts4jRuleProgram} takes. Nodes are
 * built back to front: {@link #build} is given the state a node goes on to and returns the node's
 * first state, so no dangling edge needs patching afterwards.
 */
final class NfaBuilder {
    private byte[] kind = new byte[256];
    private int[] next = new int[256];
    private int[] arg = new int[256];
    private int count;
    private final Map<CodePointSet, Integer> setIds = new HashMap<>();
    private final List<CodePointSet> sets = new ArrayList<>();

    /** The first state of a rule that ends in a MATCH of rule {@code index}. */
    int rule(RuleNode node, int index) {
        return build(node, add(Uts4jRuleProgram.MATCH, -1, index));
    }

    int stateCount() {
        return count;
    }

    Uts4jRuleProgram program(int[] ruleStarts, long refineWork) {
        Alphabet alphabet = new Alphabet(sets, refineWork);
        int[] offsets = new int[sets.size() + 1];
        int total = 0;
        for (int k = 0; k < sets.size(); k++) {
            offsets[k] = total;
            total += sets.get(k).ranges().length;
        }
        offsets[sets.size()] = total;
        int[] ranges = new int[total];
        for (int k = 0; k < sets.size(); k++) {
            int[] r = sets.get(k).ranges();
            System.arraycopy(r, 0, ranges, offsets[k], r.length);
        }
        return new Uts4jRuleProgram(ruleStarts, Arrays.copyOf(kind, count), Arrays.copyOf(next, count),
                Arrays.copyOf(arg, count), offsets, ranges, alphabet.asciiClasses, alphabet.upperStarts,
                alphabet.upperClasses, alphabet.representatives);
    }

    private int build(RuleNode node, int then) {
        switch (node.kind) {
            case EMPTY:
                return then;
            case SET:
                return add(Uts4jRuleProgram.CONSUME, then, setId(node.set));
            case CONCAT: {
                int s = then;
                for (int i = node.children.size() - 1; i >= 0; i--) s = build(node.children.get(i), s);
                return s;
            }
            case ALT: {
                int last = node.children.size() - 1;
                int s = build(node.children.get(last), then);
                for (int i = last - 1; i >= 0; i--) s = add(Uts4jRuleProgram.SPLIT, build(node.children.get(i), then), s);
                return s;
            }
            case REPEAT:
                return repeat(node.children.get(0), node.min, node.max, then);
            default:
                throw new IllegalStateException(node.kind.toString());
        }
    }

    private int repeat(RuleNode body, int min, int max, int then) {
        int s;
        int copies = min;
        if (max == RuleNode.UNBOUNDED) {
            int loop = add(Uts4jRuleProgram.SPLIT, -1, then); // body again, or on
            int first = build(body, loop);
            next[loop] = first;
            s = min == 0 ? loop : first; // x* enters at the choice; x+ goes through the body once
            copies = Math.max(min - 1, 0);
        } else {
            s = then;
            for (int i = min; i < max; i++) s = add(Uts4jRuleProgram.SPLIT, build(body, s), then); // (x(x)?)?
        }
        for (int i = 0; i < copies; i++) s = build(body, s);
        return s;
    }

    private int setId(CodePointSet set) {
        Integer id = setIds.get(set);
        if (id == null) {
            id = sets.size();
            sets.add(set);
            setIds.put(set, id);
        }
        return id;
    }

    private int add(byte k, int to, int a) {
        if (count == kind.length) {
            kind = Arrays.copyOf(kind, count * 2);
            next = Arrays.copyOf(next, count * 2);
            arg = Arrays.copyOf(arg, count * 2);
        }
        kind[count] = k;
        next[count] = to;
        arg[count] = a;
        return count++;
    }
}
