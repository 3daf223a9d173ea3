package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static io.uts4j.agent.rules.Rules.matcher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code (.*a){20}} makes java.util.regex backtrack exponentially: tens of seconds for a 32-char
 * name that does not match. It matches exactly the names without line terminators that end in
 * {@code a} and hold at least 20 of them, which is what java.util.regex answers where it can.
 */
class BacktrackingRuleTest {
    private static final String RULE = "(.*a){20}";

    private static boolean expected(String name) {
        return name.endsWith("a") && name.chars().filter(c -> c == 'a').count() >= 20
                && !Pattern.compile("[\n\r\u0085\u2028\u2029]").matcher(name).find();
    }

    @Test
    void answersAsJavaRegexWouldForA32CharNameAtOnce() {
        Uts4jRuleMatcher m = matcher(RULE);
        List<String> names = List.of("a".repeat(31) + "b", "a".repeat(32), "xa".repeat(16),
                "b" + "a".repeat(19) + "x".repeat(12), "a".repeat(19) + "b".repeat(13),
                "a".repeat(25) + "\n" + "a".repeat(6));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String name : names) {
                assertThat(name).hasSize(32);
                assertThat(m.firstMatch(name)).as(name).isEqualTo(expected(name) ? 0 : -1);
            }
        });
    }

    @Test
    void answersAsJavaRegexDoesWhereJavaRegexIsQuickEnough() {
        Uts4jRuleMatcher m = matcher(RULE);
        Pattern java = Pattern.compile(RULE);
        for (String name : List.of("a".repeat(20), "a".repeat(19) + "b", "ba".repeat(10), "a".repeat(19))) {
            boolean matches = java.matcher(name).matches();
            assertThat(expected(name)).as(name).isEqualTo(matches);
            assertThat(m.firstMatch(name)).as(name).isEqualTo(matches ? 0 : -1);
        }
    }
}
