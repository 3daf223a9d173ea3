package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;
import jdk.internal.misc.Uts4jRuleProgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded cache of DFA states. */
class DfaCacheTest {
    private static final List<String> RULES = List.of("tenant-\\d+-.*", "(a|b)*abb", "[^x]{3,6}y", "(.*a){8}");
    private static final List<String> NAMES = List.of("tenant-12-x", "ababb", "abab", "\u00e9\u00e9\u00e9y",
            "a".repeat(9), "xxxxy", "tenant--1", "", "bbbbbbbbbabb");

    @Test
    void budgetTooSmallForAnyStateDropsThemAllTheTimeAndKeepsAnswers() {
        Uts4jRuleMatcher roomy = new Uts4jRuleMatcher(RuleCompiler.compile(RULES));
        Uts4jRuleMatcher tight = new Uts4jRuleMatcher(RuleCompiler.compile(RULES), 1);
        for (int round = 0; round < 2; round++) {
            for (String name : NAMES) assertThat(tight.firstMatch(name)).as(name).isEqualTo(roomy.firstMatch(name));
        }
        assertThat(tight.cacheFlushes()).isGreaterThan(NAMES.size());
        assertThat(roomy.cacheFlushes()).isZero();
    }

    @Test
    void matchingOverBuiltStatesAllocatesNothing() {
        Uts4jRuleMatcher m = new Uts4jRuleMatcher(RuleCompiler.compile(RULES));
        for (String name : NAMES) m.firstMatch(name); // builds the states these names need
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        String[] names = NAMES.toArray(new String[0]); // no iterator to allocate
        long before = threads.getThreadAllocatedBytes(id);
        int sum = 0;
        for (int round = 0; round < 20_000; round++) {
            for (int k = 0; k < names.length; k++) sum += m.firstMatch(names[k]);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(sum).isNotZero();
        assertThat(allocated).as("bytes allocated by 180,000 matches").isLessThan(4096);
    }

    @Test
    void budgetMustBePositive() {
        Uts4jRuleProgram program = RuleCompiler.compile(RULES);
        assertThatThrownBy(() -> new Uts4jRuleMatcher(program, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
