package io.uts4j.agent.weave;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hooks woven fixtures call, in place of the bootstrap's: each notes that it was called, and with
 * what, and does what the test set. Public, as the woven fixtures live in a class loader of their own.
 */
public final class FixtureHooks {
    static final String OWNER = "io/uts4j/agent/weave/FixtureHooks";

    /** ANSWER: what the hook answers; null lets the method run. */
    public static volatile String answer;
    /** SKIP_IF_TRUE: whether the method is skipped. */
    public static volatile boolean skip;
    /** FILTER_ARGUMENT: put before a String argument; null leaves it as it is. */
    public static volatile String prefix;
    /** REPLACE_CALLS: whether the replaced call still runs. */
    public static volatile boolean runReplaced = true;
    public static final List<Object> calls = new CopyOnWriteArrayList<>();

    private FixtureHooks() {}

    static void reset() {
        answer = null;
        skip = false;
        prefix = null;
        runReplaced = true;
        calls.clear();
    }

    static Hook hook(String name, String descriptor) {
        return new Hook(OWNER, name, descriptor);
    }

    public static String answer() {
        calls.add("answer");
        return answer;
    }

    public static String answerWith(long l, double d, int[] a, String s) {
        calls.add("answerWith " + l + " " + d + " " + a.length + " " + s);
        return answer;
    }

    public static String answerFor(Object self) {
        calls.add(self);
        return answer;
    }

    public static boolean skip(Object self, String s) {
        calls.add(self);
        calls.add("skip " + s);
        return skip;
    }

    public static boolean skipBox(Object box) {
        calls.add("skipBox " + ((int[]) box)[0]);
        return skip;
    }

    public static void called() {
        calls.add("called");
    }

    public static void calledWith(int k) {
        calls.add("calledWith " + k);
    }

    public static void calledWith(long width, String s) {
        calls.add("calledWith " + width + " " + s);
    }

    public static String filter(String s) {
        calls.add("filter " + s);
        return prefix == null ? s : prefix + s;
    }

    public static List<String> filterList(List<String> items) {
        calls.add("filterList " + items);
        return prefix == null ? items : List.of(prefix);
    }

    public static void run(Runnable task) {
        calls.add("run " + task);
        if (runReplaced) task.run();
    }

    public static void constructed(Object self) {
        calls.add(self);
    }
}
