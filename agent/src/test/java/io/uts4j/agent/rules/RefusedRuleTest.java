package io.uts4j.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the compiler refuses, and how it says so. */
class RefusedRuleTest {
    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("(a)\\1", "backreference '\\1' at index 3 is not supported"),
                Arguments.of("(?<n>a)\\k<n>", "named group '(?<' at index 0 is not supported"),
                Arguments.of("a(?=b)", "lookahead '(?=' at index 1 is not supported"),
                Arguments.of("(?!a)b", "negative lookahead '(?!' at index 0 is not supported"),
                Arguments.of("(?<=a)b", "lookbehind '(?<=' at index 0 is not supported"),
                Arguments.of("(?<!a)b", "negative lookbehind '(?<!' at index 0 is not supported"),
                Arguments.of("(?>a)", "atomic group '(?>' at index 0 is not supported"),
                Arguments.of("a*+", "possessive quantifier '*+' at index 1 is not supported"),
                Arguments.of("a{2}+", "possessive quantifier '{2}+' at index 1 is not supported"),
                Arguments.of("\\bword", "word boundary '\\b' at index 0 is not supported"),
                Arguments.of("a\\z", "boundary matcher '\\z' at index 1 is not supported"),
                Arguments.of("\\p{L}+", "Unicode property class '\\p' at index 0 is not supported"),
                Arguments.of("\\Qa.b\\E", "quotation '\\Q' at index 0 is not supported"),
                Arguments.of("a\\cA", "control character escape '\\c' at index 1 is not supported"),
                Arguments.of("\\x{41}", "escape '\\x{...}' at index 0 is not supported"),
                Arguments.of("a(?s).", "inline flag group '(?s)' at index 1 is not supported"),
                Arguments.of("a(?i)b", "inline flag group '(?i)' at index 1 is not supported"),
                Arguments.of("(?i:a)", "inline flag group '(?i:' at index 0 is not supported"),
                Arguments.of("[a[b]]", "nested character class '[' at index 2 is not supported"),
                Arguments.of("[a-z&&[^x]]", "class intersection '&&' at index 4 is not supported"),
                Arguments.of("[a-\\d]", "range ending in a class escape at index 3 is not supported"),
                Arguments.of("a^b", "anchor '^' other than at the very start at index 1 is not supported"),
                Arguments.of("a$b", "anchor '$' other than at the very end at index 1 is not supported"),
                Arguments.of("(a$)", "anchor '$' other than at the very end at index 2 is not supported"),
                Arguments.of("\\uD800x", "lone surrogate '\\uD800' at index 0 is not supported"),
                Arguments.of("a{1001}", "repetition count 1001 (above 1000) at index 1 is not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void constructOutsideTheSubsetIsNamedWithItsIndex(String rule, String problem) {
        assertThat(refusal(rule).problem()).isEqualTo(problem);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("(a", "unclosed group '(' at index 0"),
                Arguments.of("a)", "unmatched ')' at index 1"),
                Arguments.of("*a", "quantifier '*' with nothing to repeat at index 0"),
                Arguments.of("a|{2}", "repetition '{' with nothing to repeat at index 2"),
                Arguments.of("a**", "quantifier '*' directly after a quantifier at index 2"),
                Arguments.of("a{2}{3}", "quantifier '{' directly after a quantifier at index 4"),
                Arguments.of("a{x}", "malformed repetition '{' at index 1"),
                Arguments.of("a{2", "unclosed repetition '{' at index 1"),
                Arguments.of("a{3,2}", "repetition '{3,2}' with maximum below minimum at index 1"),
                Arguments.of("[ab", "unclosed character class '[' at index 0"),
                Arguments.of("x[z-a]", "reversed range 'z-a' at index 2"),
                Arguments.of("ab\\", "trailing backslash at index 2"),
                Arguments.of("\\x4g", "malformed escape '\\x' (two hex digits expected) at index 0"),
                Arguments.of("\\u12", "malformed escape '\\u' (four hex digits expected) at index 0"),
                Arguments.of("\\09", "malformed octal escape '\\0' at index 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidSyntaxIsNamedWithItsIndex(String rule, String problem) {
        assertThat(refusal(rule).problem()).isEqualTo(problem);
    }

    @Test
    void refusalNamesTheRuleByItsPositionInTheList() {
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleCompiler.compile(List.of("ok-.*", "(a)\\1")));
        assertThat(e.rule()).isEqualTo(1);
        assertThat(e.pattern()).isEqualTo("(a)\\1");
        assertThat(e.index()).isEqualTo(3);
        assertThat(e).hasMessage("rule 1 '(a)\\1': backreference '\\1' at index 3 is not supported");
    }

    @Test
    void repetitionThatWouldCopyTheRuleTooOftenIsRefused() {
        assertThat(refusal("x(a{1000}){1000}").problem())
                .isEqualTo("the rule grows beyond 10000 automaton states at index 10");
    }

    @Test
    void rulesTogetherAreBoundedInSize() {
        List<String> rules = new ArrayList<>(Collections.nCopies(101, "(?:abcdefghij){999}"));
        assertThatThrownBy(() -> RuleCompiler.compile(rules)).isInstanceOf(RuleSyntaxException.class)
                .hasMessageEndingWith("rules 0 to 100 together grow beyond 1000000 automaton states at index 0");
    }

    @Test
    void deeplyNestedGroupsAreRefused() {
        String rule = "(".repeat(101) + "a" + ")".repeat(101);
        assertThat(refusal(rule).problem()).isEqualTo("group nested deeper than 100 at index 100 is not supported");
    }

    @Test
    void checkingOneRuleRefusesWhatCompilingWould() {
        assertThatThrownBy(() -> RuleCompiler.check("(?=a)")).isInstanceOf(RuleSyntaxException.class)
                .hasMessage("rule 0 '(?=a)': lookahead '(?=' at index 0 is not supported");
    }

    private static RuleSyntaxException refusal(String rule) {
        return catchThrowableOfType(RuleSyntaxException.class, () -> RuleCompiler.compile(List.of(rule)));
    }
}
