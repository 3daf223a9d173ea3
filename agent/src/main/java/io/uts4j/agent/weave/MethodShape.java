package io.uts4j.agent.weave;

import java.util.ArrayList;
import java.util.List;

/** What a method's descriptor and flags say about its entry: the receiver and arguments, by slot. */
final class MethodShape {
    private static final int ACC_STATIC = 0x0008;

    final String owner;
    final boolean isStatic;
    /** Each argument's descriptor: {@code I}, {@code J}, {@code Ljava/lang/String;}, {@code [I} ... */
    private final List<String> arguments = new ArrayList<>();

    MethodShape(String owner, int access, String descriptor) {
        this.owner = owner;
        this.isStatic = (access & ACC_STATIC) != 0;
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') i++;
            if (descriptor.charAt(i) == 'L') i = descriptor.indexOf(';', i);
            i++;
            arguments.add(descriptor.substring(start, i));
        }
    }

    char argumentType(int index) {
        return arguments.get(index).charAt(0);
    }

    int argumentSize(int index) {
        char t = argumentType(index);
        return t == 'J' || t == 'D' ? 2 : 1;
    }

    int argumentSlot(int index) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < index; i++) slot += argumentSize(i);
        return slot;
    }

    /**
     * The method's entry frame in the StackMapTable's terms, as {@code full_frame} locals: the
     * receiver, then each argument (a long or double is one entry).
     */
    void writeEntryLocals(java.io.ByteArrayOutputStream out, ConstantPool cp) {
        Rewrite.u2(out, arguments.size() + (isStatic ? 0 : 1));
        if (!isStatic) objectType(out, cp, owner);
        for (String a : arguments) {
            switch (a.charAt(0)) {
                case 'J': out.write(4); break;
                case 'D': out.write(3); break;
                case 'F': out.write(2); break;
                case 'L': objectType(out, cp, a.substring(1, a.length() - 1)); break;
                case '[': objectType(out, cp, a); break;
                default: out.write(1); break; // int, and what the JVM holds as int
            }
        }
    }

    static void objectType(java.io.ByteArrayOutputStream out, ConstantPool cp, String internalName) {
        out.write(7);
        Rewrite.u2(out, cp.classIndex(internalName));
    }

    /** The internal name (or array descriptor) a method descriptor returns. */
    static String returnType(String descriptor) {
        String r = descriptor.substring(descriptor.indexOf(')') + 1);
        return r.charAt(0) == 'L' ? r.substring(1, r.length() - 1) : r;
    }
}
