package io.uts4j.agent.weave;

import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves one class with ASM's visitor API alone: only the methods uts4j changes are parsed and
 * rewritten; every other method's bytes are copied as they are.
 */
final class ClassWeaver {
    private ClassWeaver() {}

    /** The woven class, or null when no target method is in it (this JDK has none of them). */
    static byte[] weave(byte[] original, List<Target> targets) {
        ClassReader reader = new ClassReader(original);
        // COMPUTE_MAXS only: computing frames would load classes to find common superclasses.
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        int[] woven = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                owner = name;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                for (Target t : targets) {
                    if (t.matches(name, descriptor)) {
                        woven[0]++;
                        mv = t.rewrite().visitor(mv, access, owner, descriptor);
                    }
                }
                return mv;
            }
        }, ClassReader.EXPAND_FRAMES);
        return woven[0] == 0 ? null : writer.toByteArray();
    }
}
