package io.uts4j.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real target woven into the real JDK class, as the agent weaves it: no exception, and each
 * target's method found. What is in each class is asked of the running JDK by reflection, not of
 * the weaver's own reading of the class file; JDK 25's image, where there is one, is woven too.
 */
class TargetsTest {
    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([^;]+);");

    /** The targets by class, as the Instrumenter groups them, propagation's included. */
    static Map<String, List<Target>> byClass() {
        Map<String, List<Target>> byClass = new LinkedHashMap<>();
        List<Target> all = new ArrayList<>(Targets.identity());
        all.addAll(Targets.propagation());
        for (Target t : all) byClass.computeIfAbsent(t.owner(), k -> new ArrayList<>()).add(t);
        return byClass;
    }

    /** The methods of a class that woven code must differ in: each whose name and descriptor a target matches. */
    private static List<String> changed(byte[] original, byte[] woven) {
        Map<String, ClassFile.Method> before = new LinkedHashMap<>();
        for (ClassFile.Method m : new ClassFile(original).methods) before.put(m.key(), m);
        List<String> changed = new ArrayList<>();
        for (ClassFile.Method m : new ClassFile(woven).methods) {
            if (!Arrays.equals(m.code(), before.get(m.key()).code())) changed.add(m.key());
        }
        return changed;
    }

    /** A JVM descriptor of a method or constructor, from reflection. */
    private static String descriptor(Executable e) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : e.getParameterTypes()) d.append(p.descriptorString());
        d.append(')');
        d.append(e instanceof Method ? ((Method) e).getReturnType().descriptorString() : "V");
        return d.toString();
    }

    /** The methods of the running JDK's class that a target names, by name and descriptor. */
    private static List<String> declared(Target t) throws ClassNotFoundException {
        Class<?> c = Class.forName(t.className(), false, null);
        List<Executable> all = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
        for (Constructor<?> k : c.getDeclaredConstructors()) all.add(k);
        List<String> found = new ArrayList<>();
        for (Executable e : all) {
            String name = e instanceof Constructor ? "<init>" : e.getName();
            if (t.matches(name, descriptor(e))) found.add(name + descriptor(e));
        }
        return found;
    }

    /** Whether this JDK has every class the target's descriptor names (Thread.start(ThreadContainer) is 21+). */
    private static boolean typesExist(JdkImage jdk, Target t) {
        if (t.descriptor() == null) return true;
        Matcher m = CLASS_IN_DESCRIPTOR.matcher(t.descriptor());
        while (m.find()) {
            if (!jdk.has(m.group(1))) return false; // every type a target names is java.base's
        }
        return true;
    }

    @Test
    void everyTargetIsWovenIntoExactlyTheMethodsTheRunningJdkDeclares() throws Exception {
        JdkImage jdk = JdkImage.running();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, List<Target>> e : byClass().entrySet()) {
            if (!jdk.has(e.getKey())) { // java.lang.VirtualThread is 21+
                for (Target t : e.getValue()) absent.add(t.shown() + t.descriptor());
                continue;
            }
            byte[] original = jdk.bytes(e.getKey());
            byte[] woven = ClassPatcher.weave(original, e.getValue());
            assertThat(woven).as(e.getKey()).isNotNull();
            List<String> expected = new ArrayList<>();
            for (Target t : e.getValue()) {
                List<String> found = declared(t);
                if (found.isEmpty()) {
                    assertThat(typesExist(jdk, t)).as("%s is declared in %s", t.shown() + t.descriptor(), jdk).isFalse();
                    absent.add(t.shown() + t.descriptor());
                }
                for (String f : found) if (!expected.contains(f)) expected.add(f);
            }
            assertThat(changed(original, woven)).as(e.getKey()).containsExactlyInAnyOrderElementsOf(expected);
        }
        // Only what a later JDK adds may be missing here.
        assertThat(absent).allMatch(s -> s.contains("Ljdk/internal/vm/ThreadContainer;"));
    }

    static Stream<JdkImage> jdks() {
        return JdkImage.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void everyTargetAppliesToItsClassAndFindsItsMethod(JdkImage jdk) throws Exception {
        for (Map.Entry<String, List<Target>> e : byClass().entrySet()) {
            if (!jdk.has(e.getKey())) {
                // Only a JDK before virtual threads (and their ThreadContainer, 21+) may lack a target's class.
                assertThat(jdk.has("jdk/internal/vm/ThreadContainer")).as("%s is missing from %s", e.getKey(), jdk)
                        .isFalse();
                continue;
            }
            byte[] original = jdk.bytes(e.getKey());
            byte[] woven = ClassPatcher.weave(original, e.getValue());
            assertThat(woven).as("%s in %s", e.getKey(), jdk).isNotNull();
            List<String> changed = changed(original, woven);
            for (Target t : e.getValue()) {
                if (!typesExist(jdk, t)) continue;
                assertThat(changed).as("%s woven in %s", t.shown() + t.descriptor(), jdk)
                        .anyMatch(key -> t.matches(key.substring(0, key.indexOf('(')), key.substring(key.indexOf('('))));
            }
        }
    }
}
