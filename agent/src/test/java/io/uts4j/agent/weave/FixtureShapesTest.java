package io.uts4j.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.agent.weave.fixture.EmptyConstructor;
import io.uts4j.agent.weave.fixture.Shapes;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fixtures have the shapes the weaver's tests rely on: what javac makes of them is checked here,
 * so that a change to a fixture (or to javac) cannot quietly leave a shape untested.
 */
class FixtureShapesTest {
    private final ClassFile shapes = new ClassFile(FixtureLoader.original(Shapes.class));

    /** The kind of a method's first stack map frame, by the JVMS's names; its offset for the plain kinds. */
    private static String firstFrame(ClassFile.Method m) {
        byte[] table = m.codeAttributes().get("StackMapTable");
        int type = table[2] & 0xff;
        if (type < 64) return "same@" + type;
        if (type < 128) return "same_locals_1_stack_item";
        if (type == 247) return "same_locals_1_stack_item_extended";
        if (type == 251) return "same_extended";
        if (type >= 252 && type <= 254) return "append";
        if (type == 255) return "full";
        return "type " + type;
    }

    @Test
    void firstFramesOfEveryKindTheWeaverMoves() {
        assertThat(firstFrame(shapes.method("countDown"))).isEqualTo("same@0");
        assertThat(firstFrame(shapes.method("drain"))).isEqualTo("same@0");
        assertThat(firstFrame(shapes.method("branchLate"))).as("the last short offset").isEqualTo("same@63");
        assertThat(firstFrame(shapes.method("branchLater"))).isEqualTo("same_extended");
        assertThat(firstFrame(shapes.method("tryFirst"))).isEqualTo("same_locals_1_stack_item");
        assertThat(firstFrame(shapes.method("tryFar"))).isEqualTo("same_locals_1_stack_item_extended");
        assertThat(firstFrame(shapes.method("sumTo"))).isEqualTo("append");
        assertThat(firstFrame(shapes.method("fullFrame"))).isEqualTo("full");
    }

    @Test
    void switchesAtEveryAlignment() {
        Set<String> seen = new TreeSet<>();
        for (ClassFile.Method m : shapes.methods) {
            for (int pc : ClassFile.instructionOffsets(m.code())) {
                int op = m.code()[pc] & 0xff;
                if (op == Instructions.TABLESWITCH) seen.add("table@" + (pc & 3));
                if (op == Instructions.LOOKUPSWITCH) seen.add("lookup@" + (pc & 3));
            }
        }
        assertThat(seen).contains("table@0", "table@1", "table@2", "table@3", "lookup@0", "lookup@1", "lookup@2",
                "lookup@3");
    }

    @Test
    void debugTablesToMove() {
        assertThat(shapes.method("joined").codeAttributes()).containsKeys("LineNumberTable", "LocalVariableTable",
                "LocalVariableTypeTable", "StackMapTable");
        assertThat(shapes.method("annotated").codeAttributes()).containsKey("RuntimeVisibleTypeAnnotations");
    }

    @Test
    void emptyConstructorIsTheThreeInstructionsOfForkJoinTasks() {
        ClassFile.Method init = new ClassFile(FixtureLoader.original(EmptyConstructor.class)).method("<init>");
        assertThat(ClassFile.instructionOffsets(init.code())).containsExactly(0, 1, 4);
    }
}
