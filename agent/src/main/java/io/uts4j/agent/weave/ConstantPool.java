package io.uts4j.agent.weave;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A class file's constant pool, read for what the weaver needs (where each entry is, the text of
 * names and descriptors, what each member reference names), and grown by appending: existing
 * indexes never change, so the rest of the class can be copied as it is.
 */
final class ConstantPool {
    static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8, FIELD = 9,
            METHOD = 10, INTERFACE_METHOD = 11, NAME_AND_TYPE = 12, METHOD_HANDLE = 15, METHOD_TYPE = 16,
            DYNAMIC = 17, INVOKE_DYNAMIC = 18, MODULE = 19, PACKAGE = 20;

    private final byte[] b;
    private final int[] offsets; // by index; 0 for the unusable slot after a long or double
    final int end;               // offset of the first byte after the pool
    private final int count;     // the original constant_pool_count
    private final ByteArrayOutputStream added = new ByteArrayOutputStream();
    private int next;
    private final Map<String, Integer> addedIndexes = new HashMap<>();

    ConstantPool(byte[] b) {
        this.b = b;
        count = u2(8);
        offsets = new int[count];
        int p = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = p;
            int tag = b[p] & 0xff;
            switch (tag) {
                case UTF8: p += 3 + u2(p + 1); break;
                case INTEGER: case FLOAT: case FIELD: case METHOD: case INTERFACE_METHOD: case NAME_AND_TYPE:
                case DYNAMIC: case INVOKE_DYNAMIC: p += 5; break;
                case LONG: case DOUBLE: p += 9; i++; break;
                case CLASS: case STRING: case METHOD_TYPE: case MODULE: case PACKAGE: p += 3; break;
                case METHOD_HANDLE: p += 4; break;
                default: throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        end = p;
        next = count;
    }

    int u2(int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    int tag(int index) {
        return b[offsets[index]] & 0xff;
    }

    /** The text of a CONSTANT_Utf8 (class files' modified UTF-8 is plain UTF-8 for what is compared here). */
    String utf8(int index) {
        int at = offsets[index];
        if ((b[at] & 0xff) != UTF8) throw new IllegalArgumentException("constant " + index + " is not UTF-8");
        return new String(b, at + 3, u2(at + 1), StandardCharsets.UTF_8);
    }

    /** The internal name a CONSTANT_Class names. */
    String className(int index) {
        return utf8(u2(offsets[index] + 1));
    }

    /** {owner, name, descriptor} of a CONSTANT_Methodref or CONSTANT_InterfaceMethodref. */
    String[] member(int index) {
        int at = offsets[index];
        int nameAndType = offsets[u2(at + 3)];
        return new String[] {className(u2(at + 1)), utf8(u2(nameAndType + 1)), utf8(u2(nameAndType + 3))};
    }

    // ---- appending ----

    // No lambdas here: this runs in premain, where each costs a hidden class spun at first use.

    int utf8Index(String s) {
        Integer known = addedIndexes.get("U" + s);
        if (known != null) return known;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        added.write(UTF8);
        writeU2(bytes.length);
        added.write(bytes, 0, bytes.length);
        return appended("U" + s);
    }

    int classIndex(String internalName) {
        Integer known = addedIndexes.get("C" + internalName);
        if (known != null) return known;
        int name = utf8Index(internalName);
        added.write(CLASS);
        writeU2(name);
        return appended("C" + internalName);
    }

    /** A CONSTANT_Methodref of a static method of a class (not an interface). */
    int methodIndex(String owner, String name, String descriptor) {
        String key = "M" + owner + "." + name + descriptor;
        Integer known = addedIndexes.get(key);
        if (known != null) return known;
        int c = classIndex(owner);
        int n = utf8Index(name);
        int d = utf8Index(descriptor);
        added.write(NAME_AND_TYPE);
        writeU2(n);
        writeU2(d);
        int nameAndType = appended("N" + name + " " + descriptor);
        added.write(METHOD);
        writeU2(c);
        writeU2(nameAndType);
        return appended(key);
    }

    private int appended(String key) {
        int index = next++;
        if (index > 0xffff) throw new IllegalStateException("constant pool overflow");
        addedIndexes.put(key, index);
        return index;
    }

    private void writeU2(int v) {
        added.write(v >>> 8);
        added.write(v);
    }

    /** The pool as it is now: the new count, the original entries, then the appended ones. */
    void writeTo(ByteArrayOutputStream out) {
        out.write(next >>> 8);
        out.write(next);
        out.write(b, 10, end - 10);
        byte[] a = added.toByteArray();
        out.write(a, 0, a.length);
    }
}
