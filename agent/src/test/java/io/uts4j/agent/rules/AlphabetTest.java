package io.uts4j.agent.rules;

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
        RuleProgram p = RuleCompiler.compile(List.of("a.b"));
        // a, b, the line terminators, everything else
        assertThat(p.classCount()).isEqualTo(4);
        assertThat(p.upperClass(0xE9)).isEqualTo(p.asciiClasses['x']);
        assertThat(p.upperClass(0x1F600)).isEqualTo(p.asciiClasses['x']);
        assertThat(p.upperClass(0x2028)).isEqualTo(p.asciiClasses['\n']);
    }

    @Test
    void classesWithoutAsciiCodePointsAreNumberedAfterTheAsciiOnes() {
        RuleProgram p = RuleCompiler.compile(List.of("[\u00e9-\u00fc]x"));
        assertThat(p.asciiClassCount).isEqualTo(2);
        assertThat(p.upperClass(0xE9)).isEqualTo(2);
        assertThat(p.upperClass(0xFD)).isEqualTo(p.asciiClasses['a']);
    }

    @Test
    void unrefinedAlphabetGivesTheSameAnswers() {
        List<String> rules = List.of("[a-f]+\\d", "[^c-e\u00e9]x", "(?i)[\u00e0-\u00ff_]*y.", "\\w\\W");
        RuleProgram refined = RuleCompiler.compile(rules);
        RuleProgram unrefined = RuleCompiler.compile(rules, 0);
        assertThat(unrefined.classCount()).isGreaterThan(refined.classCount());
        RuleMatcher a = new RuleMatcher(refined);
        RuleMatcher b = new RuleMatcher(unrefined);
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
        RuleProgram p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RuleCompiler.compile(rules));
        RuleMatcher m = new RuleMatcher(p);
        assertThat(m.firstMatch("\u0115" + 7)).isEqualTo(7);
        assertThat(m.firstMatch("\u0100" + 2999)).isEqualTo(-1);
        assertThat(m.firstMatch("\u3000" + 2999)).isEqualTo(2999);
    }
}
