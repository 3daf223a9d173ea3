package io.uts4j.agent.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one rule, a pattern in the subset of java.util.regex described at {@link RuleCompiler},
 * into a {@link RuleNode} with the meaning {@code Pattern.compile(p).matcher(s).matches()} gives it.
 * It follows java.util.regex's own parser where the two could differ (what a {@code -} or {@code ]}
 * means in a class, which escapes take how many digits, how case folding meets negation); anything
 * else is refused with the construct and its index.
 */
final class RuleParser {
    private final String p;
    private final int rule;
    private final int length;
    private int pos;
    private boolean foldCase;
    private CodePointSet escapedClass; // set by escape() when it returns -1

    private RuleParser(String pattern, int rule) {
        this.p = pattern;
        this.rule = rule;
        this.length = pattern.length();
    }

    static RuleNode parse(String pattern, int rule) {
        return new RuleParser(pattern, rule).rule();
    }

    private RuleNode rule() {
        if (p.startsWith("(?i)")) {
            foldCase = true;
            pos = 4;
        }
        if (pos < length && p.charAt(pos) == '^') pos++; // redundant for a whole match
        RuleNode n = alternation(0);
        if (pos < length) throw invalid(pos, "unmatched ')'"); // all else is consumed at depth 0
        return n;
    }

    private RuleNode alternation(int depth) {
        List<RuleNode> branches = new ArrayList<>();
        long states = 0;
        for (;;) {
            int start = pos;
            RuleNode branch = sequence(depth);
            states += branch.states + 1;
            if (states > RuleCompiler.MAX_RULE_STATES) throw tooLarge(start);
            branches.add(branch);
            if (pos >= length || p.charAt(pos) != '|') return RuleNode.alt(branches);
            pos++;
        }
    }

    private RuleNode sequence(int depth) {
        List<RuleNode> items = new ArrayList<>();
        long states = 0;
        while (pos < length) {
            char c = p.charAt(pos);
            if (c == '|' || c == ')') break;
            if (c == '$' && pos == length - 1 && depth == 0) { // redundant for a whole match
                pos++;
                break;
            }
            int start = pos;
            RuleNode item = quantified(atom(depth));
            states += item.states;
            if (states > RuleCompiler.MAX_RULE_STATES) throw tooLarge(start);
            items.add(item);
        }
        return RuleNode.concat(items);
    }

    private RuleNode atom(int depth) {
        int start = pos;
        int c = p.codePointAt(pos);
        switch (c) {
            case '(':
                return group(depth + 1);
            case '[':
                return RuleNode.set(charClass());
            case '.':
                pos++;
                return RuleNode.set(CodePointSet.DOT);
            case '\\': {
                int value = escape();
                return RuleNode.set(value < 0 ? escapedClass : literal(value, start));
            }
            case '*':
            case '+':
            case '?':
                throw invalid(start, "quantifier '" + (char) c + "' with nothing to repeat");
            case '{':
                throw invalid(start, "repetition '{' with nothing to repeat");
            case '^':
                throw unsupported(start, "anchor '^' other than at the very start");
            case '$':
                throw unsupported(start, "anchor '$' other than at the very end");
            default:
                pos += Character.charCount(c);
                return RuleNode.set(literal(c, start));
        }
    }

    private CodePointSet literal(int cp, int at) {
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            // java.util.regex matches a lone surrogate literal against half of a pair.
            throw unsupported(at, String.format("lone surrogate '\\u%04X'", cp));
        }
        CodePointSet set = CodePointSet.of(cp);
        return foldCase ? set.foldAsciiCase() : set;
    }

    private RuleNode group(int depth) {
        int start = pos;
        pos++;
        if (pos < length && p.charAt(pos) == '?') {
            if (pos + 1 >= length || p.charAt(pos + 1) != ':') throw unsupported(start, groupKind(start));
            pos += 2;
        }
        if (depth > RuleCompiler.MAX_NESTING) {
            throw unsupported(start, "group nested deeper than " + RuleCompiler.MAX_NESTING);
        }
        RuleNode inner = alternation(depth);
        if (pos >= length) throw invalid(start, "unclosed group '('");
        pos++; // ')'
        return inner;
    }

    private String groupKind(int start) {
        String rest = p.substring(start, Math.min(length, start + 4));
        if (rest.startsWith("(?=")) return "lookahead '(?='";
        if (rest.startsWith("(?!")) return "negative lookahead '(?!'";
        if (rest.startsWith("(?<=")) return "lookbehind '(?<='";
        if (rest.startsWith("(?<!")) return "negative lookbehind '(?<!'";
        if (rest.startsWith("(?<")) return "named group '(?<'";
        if (rest.startsWith("(?>")) return "atomic group '(?>'";
        int end = start + 2;
        while (end < length && end < start + 12 && p.charAt(end) != ')' && p.charAt(end) != ':') end++;
        String flags = p.substring(start, Math.min(length, end + 1));
        return "inline flag group '" + flags + "'";
    }

    private RuleNode quantified(RuleNode atom) {
        if (pos >= length) return atom;
        int start = pos;
        int min;
        int max;
        switch (p.charAt(pos)) {
            case '*':
                min = 0;
                max = RuleNode.UNBOUNDED;
                pos++;
                break;
            case '+':
                min = 1;
                max = RuleNode.UNBOUNDED;
                pos++;
                break;
            case '?':
                min = 0;
                max = 1;
                pos++;
                break;
            case '{':
                pos++;
                min = count(start);
                max = min;
                if (pos < length && p.charAt(pos) == ',') {
                    pos++;
                    max = pos < length && p.charAt(pos) == '}' ? RuleNode.UNBOUNDED : count(start);
                }
                if (pos >= length || p.charAt(pos) != '}') throw invalid(start, "unclosed repetition '{'");
                pos++;
                if (max != RuleNode.UNBOUNDED && max < min) {
                    throw invalid(start, "repetition '" + p.substring(start, pos) + "' with maximum below minimum");
                }
                break;
            default:
                return atom;
        }
        if (pos < length && p.charAt(pos) == '?') {
            pos++; // reluctant: the same whole strings match
        } else if (pos < length && p.charAt(pos) == '+') {
            throw unsupported(start, "possessive quantifier '" + p.substring(start, pos + 1) + "'");
        }
        if (pos < length && "*+?{".indexOf(p.charAt(pos)) >= 0) {
            throw invalid(pos, "quantifier '" + p.charAt(pos) + "' directly after a quantifier");
        }
        RuleNode repeated = RuleNode.repeat(atom, min, max);
        if (repeated.states > RuleCompiler.MAX_RULE_STATES) throw tooLarge(start);
        return repeated;
    }

    /** The decimal count at pos in a repetition starting at {@code start}. */
    private int count(int start) {
        int begin = pos;
        long value = 0;
        while (pos < length && p.charAt(pos) >= '0' && p.charAt(pos) <= '9') {
            value = Math.min(value * 10 + (p.charAt(pos) - '0'), Integer.MAX_VALUE);
            pos++;
        }
        if (pos == begin) throw invalid(start, "malformed repetition '{'");
        if (value > RuleCompiler.MAX_REPETITION) {
            throw unsupported(start, "repetition count " + p.substring(begin, pos) + " (above "
                    + RuleCompiler.MAX_REPETITION + ")");
        }
        return (int) value;
    }

    /**
     * A class {@code [...]} at pos. As in java.util.regex: a {@code ]} right after {@code [} or
     * {@code [^} is literal; {@code -} makes a range unless it comes before {@code ]} or {@code [};
     * literals and ranges are case-folded before the class is negated, predefined classes are not.
     */
    private CodePointSet charClass() {
        int start = pos;
        pos++;
        boolean negated = pos < length && p.charAt(pos) == '^';
        if (negated) pos++;
        CodePointSet set = CodePointSet.EMPTY;
        boolean first = true;
        for (;;) {
            if (pos >= length) throw invalid(start, "unclosed character class '['");
            int at = pos;
            int c = p.codePointAt(pos);
            if (c == ']' && !first) {
                pos++;
                return negated ? set.complement() : set;
            }
            first = false;
            if (c == '[') throw unsupported(at, "nested character class '['");
            if (c == '&' && p.startsWith("&&", pos)) throw unsupported(at, "class intersection '&&'");
            int lo = classChar();
            if (lo < 0) {
                set = set.union(escapedClass);
                continue;
            }
            boolean range = pos + 1 < length && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']'
                    && p.charAt(pos + 1) != '[';
            if (!range) {
                set = set.union(literal(lo, at));
                continue;
            }
            pos++; // '-'
            int hiAt = pos;
            int hi = classChar();
            if (hi < 0) throw unsupported(hiAt, "range ending in a class escape");
            if (hi < lo) throw invalid(at, "reversed range '" + p.substring(at, pos) + "'");
            CodePointSet r = CodePointSet.range(lo, hi);
            set = set.union(foldCase ? r.foldAsciiCase() : r);
        }
    }

    /** One character in a class: its code point, or -1 for a predefined class in escapedClass. */
    private int classChar() {
        if (p.charAt(pos) == '\\') return escape();
        int c = p.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    /** The escape at pos: the code point it stands for, or -1 for a predefined class (escapedClass). */
    private int escape() {
        int start = pos;
        if (pos + 1 >= length) throw invalid(start, "trailing backslash");
        int c = p.codePointAt(pos + 1);
        pos += 1 + Character.charCount(c);
        switch (c) {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'e': return 0x1B;
            case '0': return octal(start);
            case 'x': return hex(start);
            case 'u': return unicode(start);
            case 'd': return predefined(CodePointSet.DIGIT, false);
            case 'D': return predefined(CodePointSet.DIGIT, true);
            case 'w': return predefined(CodePointSet.WORD, false);
            case 'W': return predefined(CodePointSet.WORD, true);
            case 's': return predefined(CodePointSet.SPACE, false);
            case 'S': return predefined(CodePointSet.SPACE, true);
            default:
        }
        if (c >= '1' && c <= '9') throw unsupported(start, "backreference '\\" + (char) c + "'");
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            throw unsupported(start, escapeKind((char) c) + " '\\" + (char) c + "'");
        }
        return c; // any other escaped character stands for itself
    }

    private int predefined(CodePointSet set, boolean negated) {
        escapedClass = negated ? set.complement() : set;
        return -1;
    }

    private static String escapeKind(char c) {
        switch (c) {
            case 'b': case 'B': return "word boundary";
            case 'A': case 'z': case 'Z': case 'G': return "boundary matcher";
            case 'p': case 'P': return "Unicode property class";
            case 'Q': case 'E': return "quotation";
            case 'k': return "named backreference";
            case 'h': case 'H': case 'v': case 'V': case 'R': return "line or space class";
            case 'X': return "grapheme cluster";
            case 'N': return "named character";
            case 'c': return "control character escape";
            default: return "escape";
        }
    }

    /** {@code \0n}, {@code \0nn} or {@code \0mnn} with m at most 3: as many digits as fit. */
    private int octal(int start) {
        int first = octalDigit(pos);
        if (first < 0) throw invalid(start, "malformed octal escape '\\0'");
        pos++;
        int second = octalDigit(pos);
        if (second < 0) return first;
        pos++;
        int third = octalDigit(pos);
        if (third < 0 || first > 3) return first * 8 + second;
        pos++;
        return (first * 8 + second) * 8 + third;
    }

    private int octalDigit(int at) {
        if (at >= length) return -1;
        char c = p.charAt(at);
        return c >= '0' && c <= '7' ? c - '0' : -1;
    }

    private int hex(int start) {
        if (pos < length && p.charAt(pos) == '{') throw unsupported(start, "escape '\\x{...}'");
        int value = hexDigits(pos, 2);
        if (value < 0) throw invalid(start, "malformed escape '\\x' (two hex digits expected)");
        pos += 2;
        return value;
    }

    /** {@code \}{@code uhhhh}; a high surrogate followed by an escaped low one is their pair. */
    private int unicode(int start) {
        int value = hexDigits(pos, 4);
        if (value < 0) throw invalid(start, "malformed escape '\\u' (four hex digits expected)");
        pos += 4;
        if (Character.isHighSurrogate((char) value) && p.startsWith("\\u", pos)) {
            int low = hexDigits(pos + 2, 4);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                pos += 6;
                return Character.toCodePoint((char) value, (char) low);
            }
        }
        return value;
    }

    /** The value of {@code count} ASCII hex digits at {@code at}, or -1. */
    private int hexDigits(int at, int count) {
        if (at + count > length) return -1;
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = p.charAt(i);
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else return -1;
            value = value * 16 + d;
        }
        return value;
    }

    private RuleSyntaxException invalid(int at, String what) {
        return new RuleSyntaxException(rule, p, at, what + " at index " + at);
    }

    private RuleSyntaxException unsupported(int at, String what) {
        return new RuleSyntaxException(rule, p, at, what + " at index " + at + " is not supported");
    }

    private RuleSyntaxException tooLarge(int at) {
        return new RuleSyntaxException(rule, p, at, "the rule grows beyond " + RuleCompiler.MAX_RULE_STATES
                + " automaton states at index " + at);
    }
}
