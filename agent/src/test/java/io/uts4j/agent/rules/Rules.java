package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Test shorthands: a matcher of some rules, and the answer java.util.regex gives for them. */
final class Rules {
    private Rules() {
    }

    static Uts4jRuleMatcher matcher(String... rules) {
        return new Uts4jRuleMatcher(RuleCompiler.compile(Arrays.asList(rules)));
    }

    static int firstJavaMatch(List<String> rules, CharSequence name) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) != null && Pattern.compile(rules.get(i)).matcher(name).matches()) return i;
        }
        return -1;
    }

    /** Asserts the rule matches exactly the names given as matching, as java.util.regex does too. */
    static void assertMatches(String rule, List<String> matching, List<String> notMatching) {
        Uts4jRuleMatcher m = matcher(rule);
        Pattern java = Pattern.compile(rule);
        for (String name : matching) {
            assertThat(java.matcher(name).matches()).as("java.util.regex: '%s' matches '%s'", rule, name).isTrue();
            assertThat(m.firstMatch(name)).as("'%s' matches '%s'", rule, name).isZero();
        }
        for (String name : notMatching) {
            assertThat(java.matcher(name).matches()).as("java.util.regex: '%s' doesn't match '%s'", rule, name)
                    .isFalse();
            assertThat(m.firstMatch(name)).as("'%s' does not match '%s'", rule, name).isEqualTo(-1);
        }
    }
}
