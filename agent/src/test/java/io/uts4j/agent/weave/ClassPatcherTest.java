package io.uts4j.agent.weave;

import static io.uts4j.agent.weave.FixtureHooks.hook;
import static io.uts4j.agent.weave.Woven.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uts4j.agent.weave.fixture.EmptyConstructor;
import io.uts4j.agent.weave.fixture.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimerTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of rewrite woven into fixtures of every shape, the woven class verified by the JVM as it
 * is defined, then run: with the hook letting the method's own code run it behaves as the fixture as
 * compiled does; with the hook acting, as the hook says.
 */
class ClassPatcherTest {
    private static final String STRING = "Ljava/lang/String;";
    private static final Hook ANSWER = hook("answer", "()" + STRING);

    /** A call of a static fixture method with these arguments. */
    private record Call(String method, Object... args) {
        @Override
        public String toString() {
            return method + Arrays.toString(args);
        }
    }

    /** Calls of every shape of method that returns a String, with arguments that take each path through it. */
    private static final List<Call> STRING_METHODS = List.of(
            new Call("countDown", 10), new Call("countDown", -1),
            new Call("tryFirst", "abc"), new Call("tryFirst", (Object) null),
            new Call("tryFar", "abc", 2), new Call("tryFar", null, 2),
            new Call("branchLate", 3), new Call("branchLate", -3),
            new Call("branchLater", 3), new Call("branchLater", -3),
            new Call("sumTo", 5), new Call("fullFrame", 7), new Call("joined", List.of("a", "b")),
            new Call("table0", 0), new Call("table0", 2), new Call("table0", 9),
            new Call("table1", 1), new Call("table1", 3), new Call("table1", 9),
            new Call("table2", 0), new Call("table2", 2), new Call("table2", 9),
            new Call("table3", 0), new Call("table3", 2), new Call("table3", 9),
            new Call("lookup0", 1), new Call("lookup0", 1000), new Call("lookup0", 5),
            new Call("lookup1", 1), new Call("lookup1", 1000000), new Call("lookup1", 5),
            new Call("lookup2", 1), new Call("lookup2", 1000000), new Call("lookup2", 5),
            new Call("lookup3", 1), new Call("lookup3", 1000), new Call("lookup3", 5),
            new Call("pad", 5L, "ab"), new Call("noCalls", 4));

    private static List<Target> answerTargets() {
        List<Target> targets = new ArrayList<>();
        for (Call c : STRING_METHODS) targets.add(target(Shapes.class, c.method(), null, Rewrite.answer(ANSWER)));
        return targets;
    }

    private static Object outcome(Woven w, Call c) {
        try {
            return w.call(c.method(), c.args());
        } catch (Throwable e) {
            return e.toString();
        }
    }

    @BeforeEach
    void reset() {
        FixtureHooks.reset();
    }

    @Test
    void answerLetsEveryShapeOfMethodRunAsCompiled() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, answerTargets());
        Woven original = Woven.original(Shapes.class);
        for (Call c : STRING_METHODS) {
            assertThat(outcome(woven, c)).as(c.toString()).isEqualTo(outcome(original, c));
        }
        assertThat(FixtureHooks.calls).hasSize(STRING_METHODS.size());
    }

    @Test
    void answerAnswersForEveryShapeOfMethod() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, answerTargets());
        FixtureHooks.answer = "hooked";
        for (Call c : STRING_METHODS) assertThat(woven.call(c.method(), c.args())).as(c.toString()).isEqualTo("hooked");
    }

    @Test
    void answerPassesArgumentsOfEveryWidth() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(target(Shapes.class, "describe", null,
                Rewrite.answer(hook("answerWith", "(JD[I" + STRING + ")" + STRING), 0, 1, 2, 3))));
        Object[] args = {1L << 40, 2.5, new int[3], "s"};
        assertThat(woven.call("describe", args)).isEqualTo(Woven.original(Shapes.class).call("describe", args));
        assertThat(FixtureHooks.calls).containsExactly("answerWith 1099511627776 2.5 3 s");
    }

    @Test
    void answerPassesTheReceiver() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(target(Shapes.class, "name", "()" + STRING,
                Rewrite.answer(hook("answerFor", "(Ljava/lang/Object;)" + STRING), Rewrite.THIS))));
        Woven original = Woven.original(Shapes.class);
        Object shapes = woven.newInstance(-4);
        assertThat(woven.call(shapes, "name")).isEqualTo(original.call(original.newInstance(-4), "name"));
        FixtureHooks.answer = "hooked";
        assertThat(woven.call(shapes, "name")).isEqualTo("hooked");
        assertThat(FixtureHooks.calls).containsExactly(shapes, shapes);
    }

    @Test
    void skipIfTrueSkipsAVoidMethodOrLetsItRun() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(
                target(Shapes.class, "fill", null, Rewrite.skipIfTrue(hook("skip", "(Ljava/lang/Object;" + STRING + ")Z"),
                        Rewrite.THIS, 1)),
                target(Shapes.class, "drain", null, Rewrite.skipIfTrue(hook("skipBox", "(Ljava/lang/Object;)Z"), 0))));
        Object shapes = woven.newInstance(1);
        String[] box = new String[2];
        int[] counter = {3};
        woven.call(shapes, "fill", box, "x");
        woven.call("drain", (Object) counter);
        assertThat(box).containsExactly("x", "x");
        assertThat(counter).containsExactly(0);

        FixtureHooks.skip = true;
        String[] untouched = new String[2];
        int[] kept = {3};
        woven.call(shapes, "fill", untouched, "y");
        woven.call("drain", (Object) kept);
        assertThat(untouched).containsOnlyNulls();
        assertThat(kept).containsExactly(3);
        assertThat(FixtureHooks.calls).containsExactly(shapes, "skip x", "skipBox 3", shapes, "skip y", "skipBox 3");
    }

    @Test
    void callRunsTheHookFirstInMethodsAndEveryConstructor() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(
                target(Shapes.class, "<init>", null, Rewrite.call(hook("called", "()V"))),
                target(Shapes.class, "countDown", null, Rewrite.call(hook("calledWith", "(I)V"), 0)),
                target(Shapes.class, "table2", null, Rewrite.call(hook("calledWith", "(I)V"), 0)),
                target(Shapes.class, "pad", null, Rewrite.call(hook("calledWith", "(J" + STRING + ")V"), 0, 1))));
        Woven original = Woven.original(Shapes.class);
        assertThat(woven.call(woven.newInstance(-5), "name")).isEqualTo(original.call(original.newInstance(-5), "name"));
        woven.newInstance();
        for (Call c : List.of(new Call("countDown", 7), new Call("table2", 1), new Call("pad", 6L, "abc"))) {
            assertThat(woven.call(c.method(), c.args())).as(c.toString()).isEqualTo(original.call(c.method(), c.args()));
        }
        assertThat(FixtureHooks.calls).containsExactly("called", "called", "calledWith 7", "calledWith 1",
                "calledWith 6 abc");
    }

    @Test
    void filterArgumentHandsTheMethodTheHooksValue() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(
                target(Shapes.class, "pad", null, Rewrite.filterArgument(1, hook("filter", "(" + STRING + ")" + STRING))),
                target(Shapes.class, "joined", null, Rewrite.filterArgument(0,
                        hook("filterList", "(Ljava/util/List;)Ljava/util/List;")))));
        Woven original = Woven.original(Shapes.class);
        assertThat(woven.call("pad", 5L, "ab")).isEqualTo(original.call("pad", 5L, "ab"));
        assertThat(woven.call("joined", List.of("a"))).isEqualTo(original.call("joined", List.of("a")));
        FixtureHooks.prefix = ">";
        assertThat(woven.call("pad", 5L, "ab")).isEqualTo(original.call("pad", 5L, ">ab"));
        assertThat(woven.call("joined", List.of("a"))).isEqualTo(original.call("joined", List.of(">")));
        assertThat(FixtureHooks.calls).containsExactly("filter ab", "filterList [a]", "filter ab", "filterList [a]");
    }

    /** A task that notes its runs in the hooks' log. */
    private static Runnable noting(String name) {
        return new Runnable() {
            @Override
            public void run() {
                FixtureHooks.calls.add("ran " + name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static TimerTask timerTask() {
        return new TimerTask() {
            @Override
            public void run() {
                FixtureHooks.calls.add("ran timer");
            }

            @Override
            public String toString() {
                return "timer";
            }
        };
    }

    @Test
    void replaceCallsRoutesTheInterfaceCallsOfTheOwnerThroughTheHook() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(target(Shapes.class, "runBoth", null,
                Rewrite.replaceCalls("java/lang/Runnable", "run", "()V", hook("run", "(Ljava/lang/Runnable;)V")))));
        Thread other = new Thread(noting("thread"));
        assertThat(woven.call("runBoth", noting("task"), timerTask(), other, 1)).isEqualTo(
                Woven.original(Shapes.class).call("runBoth", noting("task"), timerTask(), other, 1));
        FixtureHooks.calls.clear();
        FixtureHooks.runReplaced = false;
        woven.call("runBoth", noting("task"), timerTask(), other, 7);
        // Only Runnable.run itself: TimerTask.run and Thread.run are calls of other owners.
        assertThat(FixtureHooks.calls).containsExactly("run task", "ran timer", "ran thread");
    }

    @Test
    void replaceCallsRoutesTheVirtualCallsOfTheOwnerThroughTheHook() throws Throwable {
        Woven woven = Woven.weave(Shapes.class, List.of(target(Shapes.class, "runBoth", null,
                Rewrite.replaceCalls("java/util/TimerTask", "run", "()V", hook("run", "(Ljava/lang/Runnable;)V")))));
        FixtureHooks.runReplaced = false;
        assertThat(woven.call("runBoth", noting("task"), timerTask(), new Thread(noting("thread")), 0)).isEqualTo("zero");
        assertThat(FixtureHooks.calls).containsExactly("ran task", "run timer", "ran thread");
    }

    @Test
    void beforeReturnHandsTheHookTheNewObject() throws Throwable {
        Woven woven = Woven.weave(EmptyConstructor.class, List.of(target(EmptyConstructor.class, "<init>", "()V",
                Rewrite.beforeReturn(hook("constructed", "(Ljava/lang/Object;)V")))));
        Object made = woven.newInstance();
        assertThat(made).hasToString("empty");
        assertThat(FixtureHooks.calls).singleElement().isSameAs(made);
    }

    @Test
    void aClassWithoutTheTargetIsNotWoven() {
        assertThat(ClassPatcher.weave(FixtureLoader.original(Shapes.class),
                List.of(target(Shapes.class, "noSuchMethod", null, Rewrite.answer(ANSWER))))).isNull();
        assertThat(ClassPatcher.weave(FixtureLoader.original(Shapes.class),
                List.of(target(Shapes.class, "countDown", "(J)" + STRING, Rewrite.answer(ANSWER)))))
                .as("the name, with another descriptor").isNull();
    }

    @Test
    void replacingCallsThatAreNotThereFailsClearly() {
        assertThatThrownBy(() -> ClassPatcher.weave(FixtureLoader.original(Shapes.class), List.of(target(Shapes.class,
                "noCalls", null, Rewrite.replaceCalls("java/lang/Runnable", "run", "()V",
                        hook("run", "(Ljava/lang/Runnable;)V")))))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Shapes.noCalls has no call to run()V");
    }

    @Test
    void beforeReturnOnAConstructorThatIsNotEmptyFailsClearly() {
        assertThatThrownBy(() -> ClassPatcher.weave(FixtureLoader.original(Shapes.class), List.of(target(Shapes.class,
                "<init>", "()V", Rewrite.beforeReturn(hook("constructed", "(Ljava/lang/Object;)V"))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Shapes.<init> is not the empty constructor it is expected to be");
    }

    @Test
    void codeWithAnAttributeTheWeaverCannotMoveFailsClearly() {
        assertThatThrownBy(() -> ClassPatcher.weave(FixtureLoader.original(Shapes.class),
                List.of(target(Shapes.class, "annotated", null, Rewrite.answer(ANSWER)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Shapes.annotated: its code has a RuntimeVisibleTypeAnnotations attribute, which the"
                        + " weaver does not know how to move");
    }
}
