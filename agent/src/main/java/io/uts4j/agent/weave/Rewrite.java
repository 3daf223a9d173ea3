package io.uts4j.agent.weave;

import java.io.ByteArrayOutputStream;

/**
 * The few shapes of code uts4j weaves into JDK methods. Each is chosen so that the method's own
 * code never moves relative to itself: code is only ever added at a method's entry (in a block a
 * multiple of 4 bytes long, so that switch instructions keep their alignment), or a call is
 * replaced in place by one of the same length, or (for a constructor with no branch at all) added
 * before its one return. None adds a member or changes a signature, as retransformation requires.
 */
final class Rewrite {
    enum Kind {
        /** {@code r = hook(..); if (r != null) return r;} at entry: the hook answers, or lets the JDK. */
        ANSWER,
        /** {@code if (hook(..)) return;} at entry of a void method. */
        SKIP_IF_TRUE,
        /** {@code hook(..);} at entry, a void hook. */
        CALL,
        /** {@code arg = hook(arg);} at entry: the argument goes on filtered. */
        FILTER_ARGUMENT,
        /** Each call to a method (owner matched by prefix) becomes a call to the hook, which takes the receiver first. */
        REPLACE_CALLS,
        /** {@code hook(this);} before the return of a constructor that has no branch. */
        BEFORE_RETURN
    }

    /** For loads: the receiver. Other values are argument indexes. */
    static final int THIS = -1;

    final Kind kind;
    final Hook hook;
    final int[] loads;
    final String callOwnerPrefix;
    final String callName;
    final String callDescriptor;

    private Rewrite(Kind kind, Hook hook, int[] loads, String callOwnerPrefix, String callName, String callDescriptor) {
        this.kind = kind;
        this.hook = hook;
        this.loads = loads;
        this.callOwnerPrefix = callOwnerPrefix;
        this.callName = callName;
        this.callDescriptor = callDescriptor;
    }

    static Rewrite answer(Hook hook, int... loads) {
        return new Rewrite(Kind.ANSWER, hook, loads, null, null, null);
    }

    static Rewrite skipIfTrue(Hook hook, int... loads) {
        return new Rewrite(Kind.SKIP_IF_TRUE, hook, loads, null, null, null);
    }

    static Rewrite call(Hook hook, int... loads) {
        return new Rewrite(Kind.CALL, hook, loads, null, null, null);
    }

    static Rewrite filterArgument(int argument, Hook hook) {
        return new Rewrite(Kind.FILTER_ARGUMENT, hook, new int[] {argument}, null, null, null);
    }

    static Rewrite replaceCalls(String ownerPrefix, String name, String descriptor, Hook hook) {
        return new Rewrite(Kind.REPLACE_CALLS, hook, new int[0], ownerPrefix, name, descriptor);
    }

    static Rewrite beforeReturn(Hook hook) {
        return new Rewrite(Kind.BEFORE_RETURN, hook, new int[0], null, null, null);
    }

    boolean atEntry() {
        return kind == Kind.ANSWER || kind == Kind.SKIP_IF_TRUE || kind == Kind.CALL || kind == Kind.FILTER_ARGUMENT;
    }

    /** The code added at entry, and where in it the method's entry frame must be stated (-1: nowhere). */
    static final class Prologue {
        final byte[] code;
        final int frameAt;
        /** The type on the stack at the frame, or null for an empty stack. */
        final String frameStack;
        final int maxStack;

        Prologue(byte[] code, int frameAt, String frameStack, int maxStack) {
            this.code = code;
            this.frameAt = frameAt;
            this.frameStack = frameStack;
            this.maxStack = maxStack;
        }
    }

    Prologue prologue(ConstantPool cp, MethodShape m) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        int stack = 0;
        for (int load : loads) {
            if (load == THIS) {
                c.write(Instructions.ALOAD_0);
                stack++;
            } else {
                load(c, m.argumentType(load), m.argumentSlot(load));
                stack += m.argumentSize(load);
            }
        }
        int hookIndex = cp.methodIndex(hook.owner(), hook.name(), hook.descriptor());
        c.write(Instructions.INVOKESTATIC);
        u2(c, hookIndex);
        int frameAt = -1;
        String frameStack = null;
        int max = Math.max(stack, 1) + 1;
        switch (kind) {
            case ANSWER:
                // dup; ifnull +5; areturn; JDK: pop
                c.write(Instructions.DUP);
                c.write(Instructions.IFNULL);
                u2(c, 4);
                c.write(Instructions.ARETURN);
                frameAt = c.size();
                frameStack = MethodShape.returnType(hook.descriptor());
                c.write(Instructions.POP);
                break;
            case SKIP_IF_TRUE:
                // ifeq +4; return; JDK:
                c.write(Instructions.IFEQ);
                u2(c, 4);
                c.write(Instructions.RETURN);
                frameAt = c.size();
                c.write(Instructions.NOP); // the method's own first frame, if any, needs an offset of its own
                break;
            case FILTER_ARGUMENT:
                store(c, m.argumentType(loads[0]), m.argumentSlot(loads[0]));
                break;
            default: // CALL
                break;
        }
        while ((c.size() & 3) != 0) c.write(Instructions.NOP); // switches keep their alignment
        return new Prologue(c.toByteArray(), frameAt, frameStack, max);
    }

    private static void load(ByteArrayOutputStream c, char type, int slot) {
        int op;
        switch (type) {
            case 'J': op = Instructions.LLOAD; break;
            case 'F': op = Instructions.FLOAD; break;
            case 'D': op = Instructions.DLOAD; break;
            case 'L': case '[': op = Instructions.ALOAD; break;
            default: op = Instructions.ILOAD; break;
        }
        c.write(op);
        c.write(slot);
    }

    private static void store(ByteArrayOutputStream c, char type, int slot) {
        if (type != 'L' && type != '[') throw new IllegalArgumentException("only references are filtered");
        c.write(Instructions.ASTORE);
        c.write(slot);
    }

    static void u2(ByteArrayOutputStream c, int v) {
        c.write(v >>> 8);
        c.write(v);
    }
}
