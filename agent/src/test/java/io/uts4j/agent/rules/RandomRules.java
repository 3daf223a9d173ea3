package io.uts4j.agent.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of rules in the supported subset, written in varied but equivalent ways, over a
 * small alphabet so that matches are common; and of names drawn from a rule, then often mutated, so
 * that most are matches or near misses.
 */
final class RandomRules {
    /** Pattern characters: letters in both cases, a digit, metacharacters, non-ASCII, a pair. */
    private static final int[] POOL = {'a', 'b', 'c', 'A', 'B', '-', '1', '7', '.', ' ', ']', '}', 0xE9, 0x1F600, '\n'};
    /** Name characters besides the pool: lone surrogates, \r, other case-sensitive letters. */
    private static final int[] NOISE = {0xD83D, 0xDE00, '\r', 'C', 'z', '_', 0x2028};

    private final Random random;

    RandomRules(long seed) {
        this.random = new Random(seed);
    }

    /** A generated rule: its pattern, and the structure to draw names from. */
    final class Rule {
        final String pattern;
        private final Node root;
        private final boolean foldCase;

        private Rule(String pattern, Node root, boolean foldCase) {
            this.pattern = pattern;
            this.root = root;
            this.foldCase = foldCase;
        }

        /** A name that matches, then in half the cases one to three random edits of it. */
        String name() {
            StringBuilder b = new StringBuilder();
            root.sample(b, foldCase);
            if (random.nextBoolean()) {
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) edit(b);
            }
            return b.length() > 14 ? b.substring(0, 14) : b.toString();
        }
    }

    Rule rule() {
        boolean fold = random.nextInt(8) == 0;
        StringBuilder p = new StringBuilder();
        if (fold) p.append("(?i)");
        if (random.nextInt(8) == 0) p.append('^');
        Node root = alternation(0);
        root.render(p);
        if (random.nextInt(8) == 0) p.append('$');
        return new Rule(p.toString(), root, fold);
    }

    /** Up to ten random characters from the pool and the noise. */
    String noise() {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(11); n > 0; n--) b.appendCodePoint(anyChar());
        return b.toString();
    }

    private int anyChar() {
        return random.nextInt(4) == 0 ? NOISE[random.nextInt(NOISE.length)] : POOL[random.nextInt(POOL.length)];
    }

    private void edit(StringBuilder b) {
        int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
        int what = random.nextInt(3);
        if (what == 0 || b.length() == 0 || at == b.length()) {
            b.insert(at, Character.toChars(anyChar()));
        } else if (what == 1) {
            b.deleteCharAt(at);
        } else {
            b.replace(at, at + 1, new String(Character.toChars(anyChar())));
        }
    }

    private abstract static class Node {
        abstract void render(StringBuilder p);

        abstract void sample(StringBuilder b, boolean foldCase);
    }

    private Node alternation(int depth) {
        List<Node> branches = new ArrayList<>();
        int count = random.nextInt(3) == 0 ? 2 + random.nextInt(2) : 1;
        for (int n = 0; n < count; n++) branches.add(sequence(depth));
        return new Node() {
            void render(StringBuilder p) {
                for (int i = 0; i < branches.size(); i++) {
                    if (i > 0) p.append('|');
                    branches.get(i).render(p);
                }
            }

            void sample(StringBuilder b, boolean foldCase) {
                branches.get(random.nextInt(branches.size())).sample(b, foldCase);
            }
        };
    }

    private Node sequence(int depth) {
        List<Node> pieces = new ArrayList<>();
        for (int n = random.nextInt(depth == 0 ? 5 : 4); n > 0; n--) pieces.add(piece(depth));
        return new Node() {
            void render(StringBuilder p) {
                for (Node n : pieces) n.render(p);
            }

            void sample(StringBuilder b, boolean foldCase) {
                for (Node n : pieces) n.sample(b, foldCase);
            }
        };
    }

    private Node piece(int depth) {
        Node atom = atom(depth);
        if (random.nextInt(10) >= 3) return atom;
        int min;
        int max; // -1: unbounded
        String q;
        switch (random.nextInt(6)) {
            case 0: min = 0; max = -1; q = "*"; break;
            case 1: min = 1; max = -1; q = "+"; break;
            case 2: min = 0; max = 1; q = "?"; break;
            case 3: min = random.nextInt(4); max = min; q = "{" + min + "}"; break;
            case 4: min = random.nextInt(3); max = -1; q = "{" + min + ",}"; break;
            default: min = random.nextInt(3); max = min + random.nextInt(3); q = "{" + min + "," + max + "}";
        }
        String quantifier = random.nextInt(4) == 0 ? q + "?" : q;
        return new Node() {
            void render(StringBuilder p) {
                atom.render(p);
                p.append(quantifier);
            }

            void sample(StringBuilder b, boolean foldCase) {
                int times = min + random.nextInt((max < 0 ? 3 : max - min) + 1);
                for (int i = 0; i < times; i++) atom.sample(b, foldCase);
            }
        };
    }

    private Node atom(int depth) {
        int kind = random.nextInt(depth < 3 ? 12 : 10);
        if (kind < 5) return literal(POOL[random.nextInt(POOL.length)]);
        if (kind == 5) return fixed(".", -1);
        if (kind < 8) return charClass();
        if (kind < 10) return predefined();
        Node inner = alternation(depth + 1);
        String open = random.nextBoolean() ? "(" : "(?:";
        return new Node() {
            void render(StringBuilder p) {
                p.append(open);
                inner.render(p);
                p.append(')');
            }

            void sample(StringBuilder b, boolean foldCase) {
                inner.sample(b, foldCase);
            }
        };
    }

    private Node literal(int cp) {
        return fixed(spell(cp, false), cp);
    }

    /** A node written {@code text} that draws {@code cp} (or any pool character if -1). */
    private Node fixed(String text, int cp) {
        return new Node() {
            void render(StringBuilder p) {
                p.append(text);
            }

            void sample(StringBuilder b, boolean foldCase) {
                int c = cp >= 0 ? cp : anyChar();
                if (foldCase && c < 128 && Character.isLetter(c) && random.nextBoolean()) {
                    c = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                }
                b.appendCodePoint(c);
            }
        };
    }

    private Node predefined() {
        String[] names = {"\\d", "\\w", "\\s", "\\D", "\\W", "\\S"};
        int[] samples = {'1', 'a', ' ', 'a', '-', 'b'};
        int k = random.nextInt(names.length);
        return fixed(names[k], random.nextInt(3) == 0 ? -1 : samples[k]);
    }

    private Node charClass() {
        StringBuilder p = new StringBuilder("[");
        boolean negated = random.nextInt(4) == 0;
        if (negated) p.append('^');
        List<Integer> drawable = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            p.append(']');
            drawable.add((int) ']');
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int item = random.nextInt(4);
            if (item == 0) {
                int lo = POOL[random.nextInt(POOL.length)];
                int hi = POOL[random.nextInt(POOL.length)];
                if (lo > hi) {
                    int t = lo;
                    lo = hi;
                    hi = t;
                }
                p.append(spell(lo, true)).append('-').append(spell(hi, true));
                drawable.add(lo);
                drawable.add(hi);
            } else if (item == 1) {
                String[] names = {"\\d", "\\w", "\\s", "\\W"};
                p.append(names[random.nextInt(names.length)]);
            } else {
                int c = POOL[random.nextInt(POOL.length)];
                p.append(spell(c, true));
                drawable.add(c);
            }
        }
        if (random.nextInt(10) == 0) p.append('-');
        p.append(']');
        int draw = negated || drawable.isEmpty() ? -1 : drawable.get(random.nextInt(drawable.size()));
        return fixed(p.toString(), draw);
    }

    /** One of the ways to write a code point as a literal, inside a class or not. */
    private String spell(int cp, boolean inClass) {
        int way = random.nextInt(6);
        if (cp == 0x1F600) return way < 3 ? new String(Character.toChars(cp)) : "\\uD83D\\uDE00";
        if (way == 0 && cp < 256) return String.format("\\x%02x", cp);
        if (way == 1) return String.format("\\u%04X", cp);
        if (way == 2 && cp < 256) return String.format("\\0%03o", cp); // three digits: none follow-on
        if (cp == '\n') return "\\n";
        boolean special = inClass ? cp == ']' || cp == '-' || cp == '[' : cp == '.';
        if (special || (way == 3 && !Character.isLetterOrDigit(cp))) return "\\" + (char) cp;
        return new String(Character.toChars(cp));
    }
}
