package io.uts4j.agent.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Stack map frame values, in ASM's expanded form, for what a method's descriptor alone tells. */
final class Frames {
    private Frames() {}

    /** The locals at a method's entry: the receiver (not a constructor's), then the parameters. */
    static Object[] entryLocals(int access, String owner, String descriptor) {
        Type[] args = Type.getArgumentTypes(descriptor);
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        Object[] locals = new Object[args.length + (isStatic ? 0 : 1)];
        int i = 0;
        if (!isStatic) locals[i++] = owner;
        for (Type t : args) locals[i++] = of(t);
        return locals;
    }

    private static Object of(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
            case Type.CHAR:
            case Type.BYTE:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return t.getInternalName(); // objects, and arrays by their descriptor
        }
    }
}
