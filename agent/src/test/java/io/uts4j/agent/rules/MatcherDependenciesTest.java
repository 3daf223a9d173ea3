package io.uts4j.agent.rules;

import jdk.internal.misc.Uts4jRuleMatcher;
import jdk.internal.misc.Uts4jRuleProgram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matcher's classes will run inside {@code Thread}'s constructor from the boot class path: they
 * may use java.base only, nothing of the compiler, and no invokedynamic (lambdas, method references,
 * indy string concatenation), whose first use costs milliseconds and can recurse into the agent.
 */
class MatcherDependenciesTest {
    private static final List<Class<?>> MATCHER = List.of(Uts4jRuleMatcher.class, Uts4jRuleProgram.class,
            bootstrap("Uts4jDfaCache"), bootstrap("Uts4jDfaState"), bootstrap("Uts4jDfaState$Sparse"));

    /** The matcher's package-private classes, by name: they live in the bootstrap's package. */
    private static Class<?> bootstrap(String simpleName) {
        try {
            return Class.forName("jdk.internal.misc." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void matcherClassesReferOnlyToEachOtherJavaLangAndArrays() throws IOException {
        for (Class<?> c : MATCHER) {
            for (String referenced : constants(c).classes) {
                boolean own = false;
                for (Class<?> m : MATCHER) own |= referenced.equals(m.getName().replace('.', '/'));
                boolean basic = referenced.startsWith("java/lang/") && !referenced.startsWith("java/lang/invoke/")
                        || referenced.equals("java/util/Arrays") || referenced.startsWith("[");
                assertThat(own || basic).as(c + " refers to " + referenced).isTrue();
            }
        }
    }

    @Test
    void matcherClassesUseNoInvokedynamic() throws IOException {
        for (Class<?> c : MATCHER) {
            assertThat(constants(c).dynamic).as(c.getName()).isFalse();
        }
    }

    private static final class Constants {
        final List<String> classes = new ArrayList<>();
        boolean dynamic;
    }

    /** Reads the class names and whether any invokedynamic or method handle is in the constant pool. */
    private static Constants constants(Class<?> c) throws IOException {
        String file = c.getName().substring(c.getPackageName().length() + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(file); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIndexes = new ArrayList<>();
            Constants result = new Constants();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1: utf8[i] = data.readUTF(); break;
                    case 7: classNameIndexes.add(data.readUnsignedShort()); break;
                    case 8: case 16: case 19: case 20: data.readUnsignedShort(); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: data.readInt(); break;
                    case 5: case 6: data.readLong(); i++; break;
                    case 15: data.readUnsignedByte(); data.readUnsignedShort(); break;
                    case 17: case 18: data.readInt(); break;
                    default: throw new IOException("constant tag " + tag);
                }
                result.dynamic |= tag == 15 || tag == 16 || tag == 17 || tag == 18;
            }
            for (int index : classNameIndexes) result.classes.add(utf8[index]);
            return result;
        }
    }
}
