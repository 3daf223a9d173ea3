package io.uts4j.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weaver's instruction-length table against every method of java.base: walked from one
 * instruction to the next, each method's code must end exactly at its code_length. A wrong length
 * for any opcode javac or the JDK's build emits would overshoot or stop short somewhere in these.
 */
class InstructionsTest {
    static Stream<JdkImage> jdks() {
        return JdkImage.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void everyMethodOfJavaBaseWalksToItsEnd(JdkImage jdk) throws Exception {
        int methods = 0;
        List<String> wrong = new ArrayList<>();
        for (Path file : jdk.allClasses()) {
            ClassFile c = new ClassFile(Files.readAllBytes(file));
            for (ClassFile.Method m : c.methods) {
                if (m.code().length == 0) continue; // abstract or native
                methods++;
                List<Integer> offsets = ClassFile.instructionOffsets(m.code());
                int last = offsets.get(offsets.size() - 1);
                int end = last + Instructions.length(m.code(), 0, last);
                if (end != m.code().length) wrong.add(file + " " + m.key() + ": walked to " + end + " of " + m.code().length);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(methods).as("methods walked in %s's java.base", jdk).isGreaterThan(10_000);
    }
}
