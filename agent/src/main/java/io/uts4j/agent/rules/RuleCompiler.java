package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;
import jdk.internal.misc.Uts4jRuleProgram;

import java.util.List;

/**
 * Compiles rules, in declaration order, into one {@link Uts4jRuleProgram} for a {@link Uts4jRuleMatcher}.
 *
 * <p>A rule is a java.util.regex pattern from the subset below, and means what
 * {@code Pattern.compile(rule).matcher(s).matches()} makes of it, for every string {@code s}
 * (code points, as java.util.regex reads them). Supported:
 * <ul>
 *   <li>literal characters, any code point but a lone surrogate; {@code ]} and <code>&#125;</code>
 *       outside a class are literal too;
 *   <li>escapes: a backslash before any character other than an ASCII letter or digit stands for
 *       that character ({@code \. \\ \- \$ \[ \*}...); {@code \t \n \r \f \e}, octal {@code \0n
 *       \0nn \0mnn}, {@code \xhh}, {@code \}{@code uhhhh} (an escaped high and low surrogate make
 *       one code point);
 *   <li>{@code \d \D \w \W \s \S} (ASCII, as without UNICODE_CHARACTER_CLASS), and {@code .}: any
 *       code point but the line terminators \n \r U+0085 U+2028 U+2029;
 *   <li>classes {@code [...]} and {@code [^...]} of characters, escapes, ranges {@code a-z} and the
 *       predefined classes above; a {@code ]} first in the class is literal, and so is a {@code -}
 *       first, last, or after a predefined class (as in java.util.regex);
 *   <li>quantifiers {@code * + ? {n} {n,} {n,m}} and their reluctant forms ({@code *?} ...), which
 *       match the same whole strings; counts at most {@link #MAX_REPETITION};
 *   <li>alternation {@code |}, groups {@code ( )} and {@code (?: )};
 *   <li>{@code ^} at the very start and {@code $} at the very end (both redundant for a whole
 *       match); {@code (?i)} at the very start: ASCII case-insensitive, as CASE_INSENSITIVE.
 * </ul>
 * Everything else is refused with a {@link RuleSyntaxException} naming the construct and its index:
 * backreferences, lookaround, atomic groups, possessive quantifiers, boundary matchers such as
 * {@code \b}, Unicode properties {@code \p{..}}, named groups, other inline flags or {@code (?i)}
 * elsewhere, nested classes and intersections {@code &&}, {@code \Q..\E}, other escapes, and
 * invalid syntax. So is a rule that would make more than {@link #MAX_RULE_STATES} automaton states
 * (one per character or class, roughly, with repetitions copied out), or rules that together make
 * more than {@link #MAX_TOTAL_STATES}, so that no configuration can exhaust memory.
 */
public final class RuleCompiler {
    /** The largest count in a repetition {@code {n,m}}. */
    public static final int MAX_REPETITION = 1000;
    /** The most NFA states one rule may make. */
    public static final int MAX_RULE_STATES = 10_000;
    /** The most NFA states all rules together may make (about 12 bytes each, plus building space). */
    public static final int MAX_TOTAL_STATES = 1_000_000;
    /** The deepest nesting of groups. */
    public static final int MAX_NESTING = 100;
    /** What is valid, for a configuration error to say. */
    public static final String SUPPORTED = "a java.util.regex pattern of literals, escapes (\\t \\n \\xhh "
            + "\\uhhhh ...), . \\d \\w \\s and their negations, [...] [^...], * + ? {n,m} (counts up to "
            + MAX_REPETITION + "), | ( ) (?: ), a leading ^ or (?i) and a trailing $; no backreference, "
            + "lookaround or possessive form";

    private RuleCompiler() {
    }

    /**
     * Compiles the rules; a null rule never matches (so indexes can stay those of a list of
     * tenants, some without a rule).
     *
     * @throws RuleSyntaxException for the first rule refused
     */
    public static Uts4jRuleProgram compile(List<String> rules) {
        return compile(rules, Alphabet.REFINE_WORK);
    }

    /** As {@link #compile(List)}, with a bound on the work to find few character classes. */
    static Uts4jRuleProgram compile(List<String> rules, long refineWork) {
        NfaBuilder nfa = new NfaBuilder();
        int[] starts = new int[rules.size()];
        for (int i = 0; i < starts.length; i++) {
            String rule = rules.get(i);
            if (rule == null) {
                starts[i] = -1;
                continue;
            }
            RuleNode node = RuleParser.parse(rule, i);
            if (nfa.stateCount() + node.states + 1 > MAX_TOTAL_STATES) {
                throw new RuleSyntaxException(i, rule, 0, "rules 0 to " + i + " together grow beyond "
                        + MAX_TOTAL_STATES + " automaton states at index 0");
            }
            starts[i] = nfa.rule(node, i);
        }
        return nfa.program(starts, refineWork);
    }

    /**
     * Checks one rule alone, as {@link #compile} would.
     *
     * @throws RuleSyntaxException if refused (its {@link RuleSyntaxException#rule()} is 0)
     */
    public static void check(String rule) {
        RuleParser.parse(rule, 0);
    }
}
