package jdk.internal.misc;

/**
 * One tier's rules of one kind (thread names, or loader names), all tenants' at once: the index of
 * the first tenant, in declaration order, whose rule matches the whole name, in time linear in the
 * name whatever the number of tenants (see {@link Uts4jRuleMatcher}).
 */
public final class Uts4jRules {
    static final Uts4jRules NONE = new Uts4jRules(null);

    private final Uts4jRuleProgram program; // null: no rule
    private final Uts4jRuleMatcher matcher;

    /** @param program the tenants' rules compiled by the agent, indexed as the tenants are; null for none */
    public Uts4jRules(Uts4jRuleProgram program) {
        this.program = program;
        this.matcher = program == null ? null : new Uts4jRuleMatcher(program);
    }

    public static Uts4jRules none() {
        return NONE;
    }

    boolean isEmpty() {
        return matcher == null;
    }

    /** Whether the tenant at this index has a rule here. */
    boolean hasRule(int index) {
        return program != null && index < program.ruleCount && program.ruleStarts[index] >= 0;
    }

    /** The index of the first rule (tenant) that matches the whole of {@code s}, or -1. */
    int firstMatch(CharSequence s) {
        return matcher == null ? -1 : matcher.firstMatch(s);
    }
}
