package io.uts4j.agent.weave;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Weaves one class file directly: the constant pool grows by appending, the target methods' code
 * is rewritten (see {@link Rewrite}), and every other byte is copied as it is. No bytecode library
 * is loaded: on a cold JVM a general one spends most of the time the whole agent may take, while
 * this takes well under a millisecond a class.
 */
final class ClassPatcher {
    private final byte[] b;
    private final ConstantPool cp;
    private String owner;

    private ClassPatcher(byte[] b) {
        this.b = b;
        this.cp = new ConstantPool(b);
    }

    /** The woven class, or null when none of the targets is in it (this JDK lacks them). */
    static byte[] weave(byte[] original, List<Target> targets) {
        return new ClassPatcher(original).patch(targets);
    }

    private byte[] patch(List<Target> targets) {
        int p = cp.end;
        owner = cp.className(u2(p + 2));
        int interfaces = u2(p + 6);
        p += 8 + 2 * interfaces;
        p = skipMembers(p); // fields
        ByteArrayOutputStream rest = new ByteArrayOutputStream(b.length + 256);
        rest.write(b, cp.end, p - cp.end);
        int methods = u2(p);
        Rewrite.u2(rest, methods);
        p += 2;
        int woven = 0;
        for (int m = 0; m < methods; m++) {
            int start = p;
            int access = u2(p);
            String name = cp.utf8(u2(p + 2));
            String descriptor = cp.utf8(u2(p + 4));
            int attributes = u2(p + 6);
            p += 8;
            Target target = null;
            for (Target t : targets) {
                if (t.matches(name, descriptor)) target = t;
            }
            if (target == null) {
                for (int a = 0; a < attributes; a++) p += 6 + u4(p + 2);
                rest.write(b, start, p - start);
                continue;
            }
            rest.write(b, start, 8);
            for (int a = 0; a < attributes; a++) {
                int length = u4(p + 2);
                if (cp.utf8(u2(p)).equals("Code")) {
                    byte[] code = new CodePatch(b, p, cp, new MethodShape(owner, access, descriptor), target).patched();
                    rest.write(code, 0, code.length);
                    woven++;
                } else {
                    rest.write(b, p, 6 + length);
                }
                p += 6 + length;
            }
        }
        rest.write(b, p, b.length - p); // class attributes
        if (woven == 0) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 512);
        out.write(b, 0, 8); // magic and version
        cp.writeTo(out);
        byte[] r = rest.toByteArray();
        out.write(r, 0, r.length);
        return out.toByteArray();
    }

    private int skipMembers(int p) {
        int n = u2(p);
        p += 2;
        for (int i = 0; i < n; i++) {
            int attributes = u2(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) p += 6 + u4(p + 2);
        }
        return p;
    }

    private int u2(int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private int u4(int at) {
        return Instructions.i4(b, at);
    }
}
