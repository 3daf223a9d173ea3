package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads sharing one matcher, building its states as they go, answer as one thread alone. */
class ConcurrentMatchTest {
    private static final int THREADS = 8;

    private static List<String> rules() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rules.add(i % 2 == 0 ? "pool-" + i + "-thread-\\d+" : "(?i)worker-[a-f]{1,3}-" + i + "|x" + i + ".*");
        }
        rules.add("(.*a){5}");
        return rules;
    }

    private static List<String> names() {
        Random random = new Random(3);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            int i = random.nextInt(320);
            switch (random.nextInt(4)) {
                case 0: names.add("pool-" + i + "-thread-" + random.nextInt(50)); break;
                case 1: names.add("WORKER-" + "abcdefg".substring(random.nextInt(4), 4 + random.nextInt(3)) + "-" + i);
                    break;
                case 2: names.add("x" + i + "\u00e9\uD83D\uDE00" + random.nextInt(9)); break;
                default: names.add("banana-" + "a".repeat(random.nextInt(4)));
            }
        }
        return names;
    }

    @Test
    void threadsMatchingAtOnceGetTheSingleThreadedAnswers() throws Exception {
        assertConcurrentAnswers(Uts4jRuleMatcher.DEFAULT_CACHE_BYTES);
    }

    @Test
    void threadsMatchingAtOnceGetTheSameAnswersWhileTheCacheIsDroppedAgainAndAgain() throws Exception {
        assertConcurrentAnswers(64 * 1024);
    }

    private static void assertConcurrentAnswers(long cacheBytes) throws Exception {
        List<String> rules = rules();
        List<String> names = names();
        Uts4jRuleMatcher alone = new Uts4jRuleMatcher(RuleCompiler.compile(rules));
        int[] expected = new int[names.size()];
        for (int k = 0; k < expected.length; k++) expected[k] = alone.firstMatch(names.get(k));

        Uts4jRuleMatcher shared = new Uts4jRuleMatcher(RuleCompiler.compile(rules), cacheBytes);
        CountDownLatch go = new CountDownLatch(1);
        List<FutureTask<int[]>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) order.add(k);
            Collections.shuffle(order, new Random(t));
            FutureTask<int[]> task = new FutureTask<>(() -> {
                go.await();
                int[] answers = new int[names.size()];
                for (int round = 0; round < 3; round++) {
                    for (int k : order) answers[k] = shared.firstMatch(names.get(k));
                }
                return answers;
            });
            tasks.add(task);
            new Thread(task, "matcher-" + t).start();
        }
        go.countDown();
        for (FutureTask<int[]> task : tasks) {
            assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }
}
