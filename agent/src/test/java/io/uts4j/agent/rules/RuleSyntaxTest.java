package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static io.uts4j.agent.rules.Rules.assertMatches;
import static io.uts4j.agent.rules.Rules.matcher;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supported syntax, each case checked against java.util.regex as well. */
class RuleSyntaxTest {
    @Test
    void escapedMetacharactersAreLiterals() {
        assertMatches("tomcat\\.exec-\\d+\\$\\\\\\-\\[\\*\\ ", List.of("tomcat.exec-12$\\-[* "),
                List.of("tomcatXexec-12$\\-[* ", "tomcat.exec-$\\-[* "));
    }

    @Test
    void closingBracketAndBraceOutsideAClassAreLiterals() {
        assertMatches("a]b}", List.of("a]b}"), List.of("ab"));
    }

    @Test
    void dotMatchesAnyCodePointButLineTerminators() {
        assertMatches("a.b", List.of("a\tb", "a\u00e9b", "a\uD83D\uDE00b", "a\u0000b"),
                List.of("a\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "a\uD83D\uDE00\uD83D\uDE00b", "ab"));
    }

    @Test
    void classesTakeRangesAndNegation() {
        assertMatches("[a-z0-9_-]+", List.of("pool-1_a"), List.of("Pool", "a.b", ""));
        assertMatches("[^/]+", List.of("a:b", "\uD83D\uDE00"), List.of("a/b"));
    }

    @Test
    void predefinedClassesWorkInsideAClass() {
        assertMatches("[\\w.]+", List.of("a.b_9"), List.of("a-b"));
        assertMatches("[\\D]", List.of("x"), List.of("5"));
        assertMatches("[^\\s]+", List.of("ab"), List.of("a b"));
    }

    @Test
    void closingBracketFirstInAClassIsLiteral() {
        assertMatches("[]a]+", List.of("]a]"), List.of("b"));
        assertMatches("[^]]", List.of("x"), List.of("]"));
    }

    @Test
    void dashFirstLastOrAfterAPredefinedClassIsLiteral() {
        assertMatches("[-a][a-][\\d-z]", List.of("-a-", "aaz", "a-5"), List.of("b--"));
    }

    @Test
    void predefinedClassesAreAsciiOnly() {
        assertMatches("\\d\\w\\s", List.of("1a\u000B", "9_ "), List.of("\u0661a ", "1\u00e9 ", "1a\u00a0"));
    }

    @Test
    void countedRepetitionTakesMinimumAndMaximum() {
        assertMatches("a{2,3}", List.of("aa", "aaa"), List.of("a", "aaaa"));
        assertMatches("a{2,}", List.of("aa", "aaaaaa"), List.of("a"));
        assertMatches("(ab){2}", List.of("abab"), List.of("ab", "ababab"));
        assertMatches("x(ab){0}", List.of("x"), List.of("xab"));
    }

    @Test
    void reluctantQuantifiersMatchTheSameWholeNames() {
        assertMatches("a*?b", List.of("b", "aab"), List.of("aa"));
        assertMatches("(a|b)+?c", List.of("abc"), List.of("c"));
        assertMatches("a{1,3}?a??", List.of("a", "aaaa"), List.of("aaaaa"));
    }

    @Test
    void alternationAndGroups() {
        assertMatches("(?:pool|fork)-\\d+(-worker)?|main", List.of("pool-1", "fork-2-worker", "main"),
                List.of("pool-", "main-worker"));
    }

    @Test
    void emptyGroupsAndAlternativesMatchNothingMore() {
        assertMatches("()*a(|b)+(a*)*", List.of("a", "abb", "abaa"), List.of("", "ba"));
    }

    @Test
    void anchorsAtTheEndsAreRedundant() {
        assertMatches("^abc$", List.of("abc"), List.of("abcd", "abc\n"));
        assertMatches("a|$", List.of("a", ""), List.of("b"));
    }

    @Test
    void caseInsensitiveFlagFoldsAsciiLettersOnly() {
        assertMatches("(?i)worker-[a-c]\\x41", List.of("WORKER-Ba", "worker-cA"), List.of("worker-dA"));
        assertMatches("(?i)\u00e9", List.of("\u00e9"), List.of("\u00c9"));
        assertMatches("(?i)^[Z-a]", List.of("z", "A", "_"), List.of("b"));
    }

    @Test
    void caseFoldingComesBeforeClassNegation() {
        assertMatches("(?i)[^a]", List.of("b"), List.of("a", "A"));
        assertMatches("(?i)\\W", List.of("-"), List.of("a", "A"));
    }

    @Test
    void escapesStandForTheirCharacters() {
        assertMatches("\\t\\n\\r\\f\\e\\x41\\u0042\\0103\\07\\0777", List.of("\t\n\r\f\u001bABC\u0007?7"), List.of(""));
    }

    @Test
    void escapedSurrogatePairIsOneCodePoint() {
        assertMatches("\\uD83D\\uDE00", List.of("\uD83D\uDE00"), List.of("\uD83D"));
        assertMatches("[\\uD83D\\uDE00-\\uD83D\\uDE4F]", List.of("\uD83D\uDE03"), List.of("\uD83D\uDE50", "\uD83D"));
    }

    @Test
    void loneSurrogatesInANameAreCodePointsOfTheirOwn() {
        assertMatches("..", List.of("\uDE00\uD83D", "\uD83Da"), List.of("\uD83D\uDE00", "\uD83D"));
        assertMatches("[^a]", List.of("\uD83D", "\uDE00"), List.of("a"));
    }

    @Test
    void emptyRuleMatchesOnlyTheEmptyName() {
        assertMatches("", List.of(""), List.of("a"));
    }

    @Test
    void nullRuleNeverMatches() {
        Uts4jRuleMatcher m = new Uts4jRuleMatcher(RuleCompiler.compile(Arrays.asList(null, ".*")));
        assertThat(m.firstMatch("")).isEqualTo(1);
        assertThat(m.ruleCount()).isEqualTo(2);
    }

    @Test
    void noRulesMatchNothing() {
        assertThat(matcher().firstMatch("")).isEqualTo(-1);
        assertThat(matcher().firstMatch("a")).isEqualTo(-1);
    }

    @Test
    void matchesAnyCharSequence() {
        assertThat(matcher("ab+").firstMatch(new StringBuilder("abb"))).isZero();
    }
}
