package io.uts4j.agent.weave;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least of a class file the tests need to look at what was woven: each method's name,
 * descriptor and code, and the attributes of its Code. The constant pool is read by the weaver's own
 * {@link ConstantPool}; everything after it, by the class file format (JVMS 4.1, 4.6, 4.7.3).
 */
final class ClassFile {
    /** One method; {@code code} and {@code codeAttributes} are empty for a method without code. */
    record Method(String name, String descriptor, byte[] code, Map<String, byte[]> codeAttributes) {
        String key() {
            return name + descriptor;
        }
    }

    private final byte[] b;
    private final ConstantPool cp;
    final List<Method> methods = new ArrayList<>();

    ClassFile(byte[] bytes) {
        b = bytes;
        cp = new ConstantPool(bytes);
        int p = cp.end + 6;            // access flags, this class, super class
        p += 2 + 2 * u2(p);            // interfaces
        p = skipFields(p);
        int count = u2(p);
        p += 2;
        for (int m = 0; m < count; m++) {
            String name = cp.utf8(u2(p + 2));
            String descriptor = cp.utf8(u2(p + 4));
            int attributes = u2(p + 6);
            p += 8;
            byte[] code = new byte[0];
            Map<String, byte[]> codeAttributes = new LinkedHashMap<>();
            for (int a = 0; a < attributes; a++) {
                int length = Instructions.i4(b, p + 2);
                if (cp.utf8(u2(p)).equals("Code")) {
                    int codeLength = Instructions.i4(b, p + 10);
                    code = slice(p + 14, codeLength);
                    int q = p + 14 + codeLength;
                    q += 2 + 8 * u2(q);        // exception table
                    int inner = u2(q);
                    q += 2;
                    for (int i = 0; i < inner; i++) {
                        int innerLength = Instructions.i4(b, q + 2);
                        codeAttributes.put(cp.utf8(u2(q)), slice(q + 6, innerLength));
                        q += 6 + innerLength;
                    }
                }
                p += 6 + length;
            }
            methods.add(new Method(name, descriptor, code, codeAttributes));
        }
    }

    private int skipFields(int p) {
        int count = u2(p);
        p += 2;
        for (int f = 0; f < count; f++) {
            int attributes = u2(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) p += 6 + Instructions.i4(b, p + 2);
        }
        return p;
    }

    Method method(String name) {
        for (Method m : methods) {
            if (m.name().equals(name)) return m;
        }
        throw new IllegalArgumentException("no method " + name);
    }

    /** The offsets of the instructions in a method's code, walked with the weaver's length table. */
    static List<Integer> instructionOffsets(byte[] code) {
        List<Integer> offsets = new ArrayList<>();
        for (int pc = 0; pc < code.length; pc += Instructions.length(code, 0, pc)) offsets.add(pc);
        return offsets;
    }

    private byte[] slice(int from, int length) {
        byte[] s = new byte[length];
        System.arraycopy(b, from, s, 0, length);
        return s;
    }

    private int u2(int at) {
        return cp.u2(at);
    }
}
