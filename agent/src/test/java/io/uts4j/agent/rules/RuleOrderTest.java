package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static io.uts4j.agent.rules.Rules.matcher;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Declaration order decides between rules that match the same name. */
class RuleOrderTest {
    @Test
    void earlierRuleWinsOverALaterOneMatchingTheSameName() {
        Uts4jRuleMatcher m = matcher("alpha-.*", "beta-.*", "(alpha|beta)-.*");
        assertThat(m.firstMatch("alpha-1")).isEqualTo(0);
        assertThat(m.firstMatch("beta-1")).isEqualTo(1);
    }

    @Test
    void earlierRuleWinsWhateverEitherRuleLooksLike() {
        assertThat(matcher("(a|b)*c{0,5}.*?", "abc").firstMatch("abc")).isEqualTo(0);
        assertThat(matcher("abc", "(a|b)*c{0,5}.*?").firstMatch("abc")).isEqualTo(0);
        assertThat(matcher("x*", "x{3}", "x").firstMatch("xxx")).isEqualTo(0);
        assertThat(matcher("x{3}", "x*", "x").firstMatch("xxx")).isEqualTo(0);
    }

    @Test
    void laterRuleMatchesWhereEarlierOnesDoNot() {
        Uts4jRuleMatcher m = matcher("alpha-.*", "beta-.*", "(alpha|beta)-.*", ".*");
        assertThat(m.firstMatch("gamma")).isEqualTo(3);
    }

    @Test
    void ruleThatMatchedAPrefixDoesNotWinTheWholeName() {
        Uts4jRuleMatcher m = matcher("ab", "ab.*", "a.*");
        assertThat(m.firstMatch("ab")).isEqualTo(0);
        assertThat(m.firstMatch("abc")).isEqualTo(1);
        assertThat(m.firstMatch("ac")).isEqualTo(2);
    }
}
