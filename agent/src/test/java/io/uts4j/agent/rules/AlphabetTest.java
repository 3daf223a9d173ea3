package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;
import jdk.internal.misc.Uts4jRuleProgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The character classes the compiler divides code points into. */
class AlphabetTest {
    @Test
    void codePointsNoRuleTellsApartShareAClass() {
        Uts4jRuleProgram p = RuleCompiler.compile(List.of("a.b"));
        // a, b, the line terminators, everything else
        assertThat(p.classCount()).isEqualTo(4);
        assertThat(p.classOf(0xE9)).isEqualTo(p.classOf('x'));
        assertThat(p.classOf(0x1F600)).isEqualTo(p.classOf('x'));
        assertThat(p.classOf(0x2028)).isEqualTo(p.classOf('\n'));
    }

    @Test
    void classesWithoutAsciiCodePointsAreNumberedAfterTheAsciiOnes() {
        Uts4jRuleProgram p = RuleCompiler.compile(List.of("[\u00e9-\u00fc]x"));
        assertThat(p.asciiClassCount()).isEqualTo(2);
        assertThat(p.classOf(0xE9)).isEqualTo(2);
        assertThat(p.classOf(0xFD)).isEqualTo(p.classOf('a'));
    }

    @Test
    void unrefinedAlphabetGivesTheSameAnswers() {
        List<String> rules = List.of("[a-f]+\\d", "[^c-e\u00e9]x", "(?i)[\u00e0-\u00ff_]*y.", "\\w\\W");
        Uts4jRuleProgram refined = RuleCompiler.compile(rules);
        Uts4jRuleProgram unrefined = RuleCompiler.compile(rules, 0);
        assertThat(unrefined.classCount()).isGreaterThan(refined.classCount());
        Uts4jRuleMatcher a = new Uts4jRuleMatcher(refined);
        Uts4jRuleMatcher b = new Uts4jRuleMatcher(unrefined);
        for (String name : List.of("abc1", "fx", "\u00e9x", "\u00e0\u00ffYz", "_Y\n", "a-", "zx", "\uD83D\uDE00x")) {
            int java = Rules.firstJavaMatch(rules, name);
            assertThat(a.firstMatch(name)).as(name).isEqualTo(java);
            assertThat(b.firstMatch(name)).as(name).isEqualTo(java);
        }
    }

    @Test
    void manyOverlappingRangesCompileQuickly() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rules.add("[" + (char) (0x100 + 3 * i) + "-" + (char) (0x3000 + 2 * i) + "]" + i);
        }
        Uts4jRuleProgram p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RuleCompiler.compile(rules));
        Uts4jRuleMatcher m = new Uts4jRuleMatcher(p);
        assertThat(m.firstMatch("\u0115" + 7)).isEqualTo(7);
        assertThat(m.firstMatch("\u0100" + 2999)).isEqualTo(-1);
        assertThat(m.firstMatch("\u3000" + 2999)).isEqualTo(2999);
    }
}
