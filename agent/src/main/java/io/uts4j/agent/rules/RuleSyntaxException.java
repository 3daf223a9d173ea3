package io.uts4j.agent.rules;

/**
 * A rule the {@link RuleCompiler} refuses: invalid, outside the supported subset of
 * java.util.regex, or too large. {@link #problem()} names the construct and where it is, e.g.
 * {@code backreference '\1' at index 3 is not supported}, for a configuration error to quote.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int rule;
    private final String pattern;
    private final int index;
    private final String problem;

    RuleSyntaxException(int rule, String pattern, int index, String problem) {
        super("rule " + rule + " '" + pattern + "': " + problem);
        this.rule = rule;
        this.pattern = pattern;
        this.index = index;
        this.problem = problem;
    }

    /** The position of the refused rule in the list given to the compiler. */
    public int rule() {
        return rule;
    }

    /** The refused rule. */
    public String pattern() {
        return pattern;
    }

    /** Where in the pattern (a char index) the refused construct starts. */
    public int index() {
        return index;
    }

    /** What is wrong and where, without the rule: e.g. {@code unclosed group '(' at index 0}. */
    public String problem() {
        return problem;
    }
}
