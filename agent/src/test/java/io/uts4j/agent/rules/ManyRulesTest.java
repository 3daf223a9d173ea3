package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Ten thousand tenants' rules in one matcher. */
class ManyRulesTest {
    private static final int RULES = 10_000;

    private static List<String> rules() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            switch (i % 3) {
                case 0: rules.add("tenant-" + i + "-.*"); break;
                case 1: rules.add("t" + i); break;
                default: rules.add("(a|b)-" + i + "-worker-\\d+");
            }
        }
        return rules;
    }

    /** A name only rule i matches. */
    private static String nameFor(int i, Random random) {
        switch (i % 3) {
            case 0: return "tenant-" + i + "-" + (random.nextBoolean() ? "" : "pool-" + random.nextInt(99));
            case 1: return "t" + i;
            default: return (random.nextBoolean() ? "a-" : "b-") + i + "-worker-" + random.nextInt(1000);
        }
    }

    @Test
    void sampledNamesFindTheirOwnRule() {
        Uts4jRuleMatcher m = new Uts4jRuleMatcher(RuleCompiler.compile(rules()));
        Random random = new Random(7);
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(RULES);
            String name = nameFor(i, random);
            assertThat(m.firstMatch(name)).as(name).isEqualTo(i);
        }
    }

    @Test
    void namesNoRuleMatchesFindNone() {
        Uts4jRuleMatcher m = new Uts4jRuleMatcher(RuleCompiler.compile(rules()));
        for (String name : List.of("tenant-1-x", "t10000", "t", "c-2-worker-1", "a-2-worker-", "tenant-3", "")) {
            assertThat(m.firstMatch(name)).as(name).isEqualTo(-1);
        }
    }

    @Test
    void answersAgreeWithJavaRegexTriedOneByOne() {
        List<String> rules = rules();
        Uts4jRuleMatcher m = new Uts4jRuleMatcher(RuleCompiler.compile(rules));
        List<Pattern> java = new ArrayList<>();
        for (String rule : rules) java.add(Pattern.compile(rule));
        Random random = new Random(11);
        for (int k = 0; k < 40; k++) { // java.util.regex takes 30 ms a name here
            String name = random.nextInt(4) == 0 ? "t" + random.nextInt(20_000)
                    : nameFor(random.nextInt(RULES), random);
            int first = -1;
            for (int i = 0; i < java.size() && first < 0; i++) {
                if (java.get(i).matcher(name).matches()) first = i;
            }
            assertThat(m.firstMatch(name)).as(name).isEqualTo(first);
        }
    }
}
