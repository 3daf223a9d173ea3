package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/**
 * The matcher against java.util.regex on random rules and names. The seed is random each run and
 * printed on failure; {@code -Duts4j.seed=N} replays a run. A failure is shrunk first: rules that
 * do not matter are dropped, then characters of the name while the answers still differ.
 */
class RuleEquivalencePropertyTest {
    private static final int RULE_SETS = 600;
    private static final int NAMES_PER_SET = 24;

    private static long seed() {
        String given = System.getProperty("uts4j.seed");
        return given != null ? Long.parseLong(given) : new Random().nextLong();
    }

    @Test
    void firstMatchIsWhatJavaRegexSaysForGeneratedRules() {
        long seed = seed();
        RandomRules gen = new RandomRules(seed);
        Random random = new Random(seed);
        int cases = 0;
        int matched = 0;
        int tooSlow = 0;
        for (int set = 0; set < RULE_SETS; set++) {
            List<RandomRules.Rule> rules = new ArrayList<>();
            for (int n = 1 + random.nextInt(8); n > 0; n--) rules.add(gen.rule());
            List<String> patterns = new ArrayList<>();
            for (RandomRules.Rule r : rules) patterns.add(r.pattern);
            Uts4jRuleMatcher matcher = new Uts4jRuleMatcher(RuleCompiler.compile(patterns));
            List<Pattern> java = compileAll(patterns);
            for (int k = 0; k < NAMES_PER_SET; k++) {
                String name = random.nextInt(6) == 0 ? gen.noise() : rules.get(random.nextInt(rules.size())).name();
                int expected;
                try {
                    expected = firstJavaMatch(java, name);
                } catch (JavaRegexTooSlow e) {
                    tooSlow++;
                    continue;
                }
                if (matcher.firstMatch(name) != expected) failShrunk(seed, patterns, name);
                cases++;
                if (expected >= 0) matched++;
            }
        }
        assertThat(cases).isGreaterThan(RULE_SETS * NAMES_PER_SET * 99 / 100);
        assertThat(tooSlow).as("cases java.util.regex was too slow for").isLessThan(cases / 100);
        assertThat(matched).as("names that some rule matches").isBetween(cases / 5, cases * 4 / 5);
    }

    @Test
    void anyPatternWeAcceptJavaRegexAcceptsAndReadsAlike() {
        long seed = seed();
        Random random = new Random(seed);
        RandomRules names = new RandomRules(seed);
        String soup = "ab()[]{}*+?|^$.-\\dwsuxi0123,:&<=!^";
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder p = new StringBuilder();
            for (int len = 1 + random.nextInt(9); len > 0; len--) p.append(soup.charAt(random.nextInt(soup.length())));
            String pattern = p.toString();
            Uts4jRuleMatcher matcher;
            try {
                matcher = new Uts4jRuleMatcher(RuleCompiler.compile(List.of(pattern)));
            } catch (RuleSyntaxException refused) {
                continue;
            }
            accepted++;
            Pattern java;
            try {
                java = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                fail("seed %d: we accept '%s', java.util.regex does not: %s", seed, pattern, e.getDescription());
                return;
            }
            for (int k = 0; k < 8; k++) {
                String name = names.noise();
                try {
                    if (matcher.firstMatch(name) != firstJavaMatch(List.of(java), name)) {
                        failShrunk(seed, List.of(pattern), name);
                    }
                } catch (JavaRegexTooSlow e) {
                    // not a case
                }
            }
        }
        assertThat(accepted).as("accepted patterns").isGreaterThan(1000);
    }

    private static List<Pattern> compileAll(List<String> patterns) {
        List<Pattern> java = new ArrayList<>();
        for (String p : patterns) java.add(Pattern.compile(p));
        return java;
    }

    /** The first of the patterns to match, found by java.util.regex within a budget. */
    private static int firstJavaMatch(List<Pattern> java, String name) {
        for (int i = 0; i < java.size(); i++) {
            if (java.get(i).matcher(new Budgeted(name)).matches()) return i;
        }
        return -1;
    }

    private static boolean differs(List<String> patterns, String name) {
        try {
            int ours = new Uts4jRuleMatcher(RuleCompiler.compile(patterns)).firstMatch(name);
            return ours != firstJavaMatch(compileAll(patterns), name);
        } catch (JavaRegexTooSlow e) {
            return false;
        }
    }

    private static final class JavaRegexTooSlow extends RuntimeException {
        JavaRegexTooSlow() {
            super(null, null, false, false);
        }
    }

    /** A name that java.util.regex may read only so often: some random rules make it backtrack for ages. */
    private static final class Budgeted implements CharSequence {
        private final String s;
        private int reads = 1_000_000;

        Budgeted(String s) {
            this.s = s;
        }

        @Override
        public char charAt(int index) {
            if (--reads < 0) throw new JavaRegexTooSlow();
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    private static void failShrunk(long seed, List<String> patterns, String name) {
        List<String> rules = new ArrayList<>(patterns);
        for (int i = rules.size() - 1; i >= 0 && rules.size() > 1; i--) {
            List<String> fewer = new ArrayList<>(rules);
            fewer.remove(i);
            if (differs(fewer, name)) rules = fewer;
        }
        String shrunk = name;
        for (int i = shrunk.length() - 1; i >= 0; i--) {
            String shorter = shrunk.substring(0, i) + shrunk.substring(i + 1);
            if (differs(rules, shorter)) shrunk = shorter;
        }
        int ours = new Uts4jRuleMatcher(RuleCompiler.compile(rules)).firstMatch(shrunk);
        fail("seed %d (replay with -Duts4j.seed=%d): rules %s, name '%s' %s: firstMatch %d, java.util.regex %d",
                seed, seed, quote(rules), shrunk, codeUnits(shrunk), ours, firstJavaMatch(compileAll(rules), shrunk));
    }

    private static List<String> quote(List<String> rules) {
        List<String> q = new ArrayList<>();
        for (String r : rules) q.add("'" + r + "' " + codeUnits(r));
        return q;
    }

    private static String codeUnits(String s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length(); i++) b.append(i == 0 ? "" : " ").append(Integer.toHexString(s.charAt(i)));
        return b.append(']').toString();
    }
}
