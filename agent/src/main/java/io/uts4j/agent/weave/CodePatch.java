package io.uts4j.agent.weave;

import java.io.ByteArrayOutputStream;

/** Rewrites one method's Code attribute as its target's {@link Rewrite} says. */
final class CodePatch {
    private final byte[] b;
    private final int at;          // the attribute's first byte (its name index)
    private final ConstantPool cp;
    private final MethodShape method;
    private final Target target;

    CodePatch(byte[] b, int at, ConstantPool cp, MethodShape method, Target target) {
        this.b = b;
        this.at = at;
        this.cp = cp;
        this.method = method;
        this.target = target;
    }

    /** The whole new attribute, name and length included. */
    byte[] patched() {
        int maxStack = u2(at + 6);
        int maxLocals = u2(at + 8);
        int codeLength = u4(at + 10);
        int codeStart = at + 14;
        byte[] code = new byte[codeLength];
        System.arraycopy(b, codeStart, code, 0, codeLength);
        int p = codeStart + codeLength;
        int exceptions = u2(p);
        int exceptionsStart = p + 2;
        int attributesStart = exceptionsStart + 8 * exceptions;

        Rewrite r = target.rewrite();
        Rewrite.Prologue prologue = null;
        int shift = 0;
        if (r.atEntry()) {
            prologue = r.prologue(cp, method);
            shift = prologue.code.length;
            byte[] c = new byte[shift + codeLength];
            System.arraycopy(prologue.code, 0, c, 0, shift);
            System.arraycopy(code, 0, c, shift, codeLength);
            code = c;
            maxStack = Math.max(maxStack, prologue.maxStack);
        } else if (r.kind == Rewrite.Kind.REPLACE_CALLS) {
            if (replaceCalls(code) == 0) {
                throw new IllegalStateException(target.shown() + " has no call to " + r.callName + r.callDescriptor);
            }
        } else { // BEFORE_RETURN
            code = beforeReturn(code);
            maxStack = Math.max(maxStack, 1);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(code.length + 64);
        out.write(b, at, 2); // attribute name index
        ByteArrayOutputStream body = new ByteArrayOutputStream(code.length + 64);
        Rewrite.u2(body, maxStack);
        Rewrite.u2(body, maxLocals);
        u4(body, code.length);
        body.write(code, 0, code.length);
        Rewrite.u2(body, exceptions);
        for (int i = 0; i < exceptions; i++) {
            int e = exceptionsStart + 8 * i;
            Rewrite.u2(body, u2(e) + shift);
            Rewrite.u2(body, u2(e + 2) + shift);
            Rewrite.u2(body, u2(e + 4) + shift);
            Rewrite.u2(body, u2(e + 6));
        }
        attributes(body, attributesStart, shift, prologue);
        u4(out, body.size());
        byte[] bytes = body.toByteArray();
        out.write(bytes, 0, bytes.length);
        return out.toByteArray();
    }

    /** The Code attribute's own attributes, their code offsets moved by {@code shift}. */
    private void attributes(ByteArrayOutputStream body, int p, int shift, Rewrite.Prologue prologue) {
        int count = u2(p);
        p += 2;
        boolean needsFrame = prologue != null && prologue.frameAt >= 0;
        boolean hasFrameTable = false;
        for (int i = 0, q = p; i < count; i++, q += 6 + u4(q + 2)) {
            hasFrameTable |= cp.utf8(u2(q)).equals("StackMapTable");
        }
        Rewrite.u2(body, count + (needsFrame && !hasFrameTable ? 1 : 0));
        for (int i = 0; i < count; i++) {
            String name = cp.utf8(u2(p));
            int length = u4(p + 2);
            int data = p + 6;
            if (shift == 0) {
                body.write(b, p, 6 + length);
            } else if (name.equals("LineNumberTable")) {
                body.write(b, p, 8);
                for (int e = 0; e < u2(data); e++) {
                    Rewrite.u2(body, u2(data + 2 + 4 * e) + shift);
                    Rewrite.u2(body, u2(data + 4 + 4 * e));
                }
            } else if (name.equals("LocalVariableTable") || name.equals("LocalVariableTypeTable")) {
                body.write(b, p, 8);
                for (int e = 0; e < u2(data); e++) {
                    int entry = data + 2 + 10 * e;
                    Rewrite.u2(body, u2(entry) + shift);
                    body.write(b, entry + 2, 8);
                }
            } else if (name.equals("StackMapTable")) {
                stackMapTable(body, p, prologue, shift);
            } else {
                throw new IllegalStateException(target.shown() + ": its code has a " + name
                        + " attribute, which the weaver does not know how to move");
            }
            p += 6 + length;
        }
        if (needsFrame && !hasFrameTable) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            Rewrite.u2(frames, 1);
            entryFrame(frames, prologue);
            Rewrite.u2(body, cp.utf8Index("StackMapTable"));
            u4(body, frames.size());
            byte[] f = frames.toByteArray();
            body.write(f, 0, f.length);
        }
    }

    /** The frame table with the prologue's frame first, and the method's first frame's offset moved. */
    private void stackMapTable(ByteArrayOutputStream body, int p, Rewrite.Prologue prologue, int shift) {
        int data = p + 6;
        int entries = u2(data);
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        boolean added = prologue != null && prologue.frameAt >= 0;
        Rewrite.u2(frames, entries + (added ? 1 : 0));
        if (added) entryFrame(frames, prologue);
        int q = data + 2;
        if (entries > 0) {
            int type = b[q] & 0xff;
            int oldDelta;
            int afterDelta;
            if (type < 64) {
                oldDelta = type;
                afterDelta = q + 1;
            } else if (type < 128) {
                oldDelta = type - 64;
                afterDelta = q + 1;
            } else if (type >= 247) {
                oldDelta = u2(q + 1);
                afterDelta = q + 3;
            } else {
                throw new IllegalStateException("reserved stack map frame type " + type);
            }
            // The first frame's delta is its offset; after an added frame it counts from that frame, plus one.
            int delta = oldDelta + shift - (added ? prologue.frameAt + 1 : 0);
            int end = frameEnd(q);
            if (type < 64 || type == 251) {
                writeDelta(frames, delta, 0, 251);
            } else if (type < 128 || type == 247) {
                writeDelta(frames, delta, 64, 247);
            } else {
                frames.write(type);
                Rewrite.u2(frames, delta);
            }
            frames.write(b, afterDelta, end - afterDelta);
            q = end;
        }
        frames.write(b, q, data + u4(p + 2) - q);
        Rewrite.u2(body, u2(p));
        u4(body, frames.size());
        byte[] f = frames.toByteArray();
        body.write(f, 0, f.length);
    }

    /** A same-shaped frame's delta: short form ({@code base + delta}) when it fits, else the extended type. */
    private static void writeDelta(ByteArrayOutputStream out, int delta, int base, int extended) {
        if (delta < 64) {
            out.write(base + delta);
        } else {
            out.write(extended);
            Rewrite.u2(out, delta);
        }
    }

    /** The offset just after the frame at {@code q}. */
    private int frameEnd(int q) {
        int type = b[q] & 0xff;
        if (type < 64) return q + 1;
        if (type < 128) return skipType(q + 1);
        if (type == 247) return skipType(q + 3);
        if (type <= 251) return q + 3; // chop, same_frame_extended
        if (type <= 254) {
            int p = q + 3;
            for (int i = 0; i < type - 251; i++) p = skipType(p);
            return p;
        }
        int p = q + 3;
        int locals = u2(p);
        p += 2;
        for (int i = 0; i < locals; i++) p = skipType(p);
        int stack = u2(p);
        p += 2;
        for (int i = 0; i < stack; i++) p = skipType(p);
        return p;
    }

    private int skipType(int p) {
        int tag = b[p] & 0xff;
        return tag == 7 || tag == 8 ? p + 3 : p + 1;
    }

    /** {@code full_frame} at the prologue's frame: the method's entry locals, and what the prologue left on the stack. */
    private void entryFrame(ByteArrayOutputStream frames, Rewrite.Prologue prologue) {
        frames.write(255);
        Rewrite.u2(frames, prologue.frameAt);
        method.writeEntryLocals(frames, cp);
        if (prologue.frameStack == null) {
            Rewrite.u2(frames, 0);
        } else {
            Rewrite.u2(frames, 1);
            MethodShape.objectType(frames, cp, prologue.frameStack);
        }
    }

    /** Replaces matching invokevirtual/invokeinterface calls, in place, with invokestatic of the hook. */
    private int replaceCalls(byte[] code) {
        Rewrite r = target.rewrite();
        int hook = cp.methodIndex(r.hook.owner(), r.hook.name(), r.hook.descriptor());
        int replaced = 0;
        for (int pc = 0; pc < code.length; pc += Instructions.length(code, 0, pc)) {
            int op = code[pc] & 0xff;
            if (op != Instructions.INVOKEVIRTUAL && op != Instructions.INVOKEINTERFACE) continue;
            String[] m = cp.member(((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff));
            if (!m[0].startsWith(r.callOwnerPrefix) || !m[1].equals(r.callName) || !m[2].equals(r.callDescriptor)) {
                continue;
            }
            if (op == Instructions.INVOKEINTERFACE) { // 5 bytes become 3, and two no-ops
                code[pc + 3] = (byte) Instructions.NOP;
                code[pc + 4] = (byte) Instructions.NOP;
            }
            code[pc] = (byte) Instructions.INVOKESTATIC;
            code[pc + 1] = (byte) (hook >>> 8);
            code[pc + 2] = (byte) hook;
            replaced++;
        }
        return replaced;
    }

    /** {@code aload_0; invokespecial super(); return} becomes {@code ...; aload_0; invokestatic hook; return}. */
    private byte[] beforeReturn(byte[] code) {
        if (code.length != 5 || (code[0] & 0xff) != Instructions.ALOAD_0
                || (code[1] & 0xff) != Instructions.INVOKESPECIAL || (code[4] & 0xff) != Instructions.RETURN) {
            throw new IllegalStateException(target.shown() + " is not the empty constructor it is expected to be");
        }
        Rewrite r = target.rewrite();
        int hook = cp.methodIndex(r.hook.owner(), r.hook.name(), r.hook.descriptor());
        return new byte[] {code[0], code[1], code[2], code[3], (byte) Instructions.ALOAD_0,
                (byte) Instructions.INVOKESTATIC, (byte) (hook >>> 8), (byte) hook, (byte) Instructions.RETURN};
    }

    private int u2(int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private int u4(int p) {
        return Instructions.i4(b, p);
    }

    private static void u4(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
