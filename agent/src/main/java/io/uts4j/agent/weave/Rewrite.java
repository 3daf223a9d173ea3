package io.uts4j.agent.weave;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The few shapes of code uts4j weaves into JDK methods, each a small ASM method visitor. None adds
 * a member or changes a signature (retransformation forbids it), and none needs frames computed
 * from the class hierarchy (that would load classes while one is being defined): a branch added at
 * a method's entry has the method's entry frame, which the descriptor alone gives.
 */
abstract class Rewrite {
    /** Pushes what a hook takes: the receiver and/or arguments, by index (-1 for {@code this}). */
    private final int[] loads;
    final Hook hook;

    private Rewrite(Hook hook, int... loads) {
        this.hook = hook;
        this.loads = loads;
    }

    abstract MethodVisitor visitor(MethodVisitor next, int access, String owner, String descriptor);

    /**
     * {@code r = hook(..); if (r != null) return r;} at entry: the hook answers for the method, or
     * null to let it run as the JDK wrote it.
     */
    static Rewrite answerOnEntry(Hook hook, int... loads) {
        return new Rewrite(hook, loads) {
            @Override
            MethodVisitor visitor(MethodVisitor next, int access, String owner, String descriptor) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        Label jdk = new Label();
                        pushAndCall(mv, access, descriptor);
                        mv.visitInsn(Opcodes.DUP);
                        mv.visitJumpInsn(Opcodes.IFNULL, jdk);
                        mv.visitInsn(Opcodes.ARETURN);
                        mv.visitLabel(jdk);
                        Object[] locals = Frames.entryLocals(access, owner, descriptor);
                        mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 1,
                                new Object[] {Type.getReturnType(hook.descriptor()).getInternalName()});
                        mv.visitInsn(Opcodes.POP);
                    }
                };
            }
        };
    }

    /** {@code if (hook(..)) return;} at entry of a void method. */
    static Rewrite skipIfTrue(Hook hook, int... loads) {
        return new Rewrite(hook, loads) {
            @Override
            MethodVisitor visitor(MethodVisitor next, int access, String owner, String descriptor) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        Label jdk = new Label();
                        pushAndCall(mv, access, descriptor);
                        mv.visitJumpInsn(Opcodes.IFEQ, jdk);
                        mv.visitInsn(Opcodes.RETURN);
                        mv.visitLabel(jdk);
                        Object[] locals = Frames.entryLocals(access, owner, descriptor);
                        mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
                        mv.visitInsn(Opcodes.NOP); // the method's own first frame, if any, needs an offset of its own
                    }
                };
            }
        };
    }

    /** {@code hook(..);} at entry, a void hook: straight-line code, no frame to add. */
    static Rewrite callOnEntry(Hook hook, int... loads) {
        return new Rewrite(hook, loads) {
            @Override
            MethodVisitor visitor(MethodVisitor next, int access, String owner, String descriptor) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        pushAndCall(mv, access, descriptor);
                    }
                };
            }
        };
    }

    /**
     * For constructors: {@code entry()} first thing, and {@code exit(this)} before each return, in
     * the constructors that do the work (not those that hand over to another with {@code this(..)}),
     * so that each runs once per object. Either may be null.
     */
    static Rewrite constructor(Hook entry, Hook exit) {
        return new Rewrite(entry != null ? entry : exit) {
            @Override
            MethodVisitor visitor(MethodVisitor next, int access, String owner, String descriptor) {
                return new ConstructorHooks(next, owner, entry, exit);
            }
        };
    }

    /** In place of each call to {@code owner.name descriptor} (owner matched by prefix), a call to the hook. */
    static Rewrite replaceCalls(String ownerPrefix, String name, String descriptor, Hook hook) {
        return new Rewrite(hook) {
            @Override
            MethodVisitor visitor(MethodVisitor next, int access, String owner, String methodDescriptor) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String callOwner, String callName, String callDescriptor,
                                                boolean isInterface) {
                        if (opcode != Opcodes.INVOKESTATIC && callOwner.startsWith(ownerPrefix)
                                && callName.equals(name) && callDescriptor.equals(descriptor)) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.owner(), hook.name(), hook.descriptor(),
                                    false);
                        } else {
                            super.visitMethodInsn(opcode, callOwner, callName, callDescriptor, isInterface);
                        }
                    }
                };
            }
        };
    }

    /** Before each {@code putfield owner.field}, the value goes through the hook (value in, value out). */
    static Rewrite filterFieldStore(String field, Hook hook) {
        return new Rewrite(hook) {
            @Override
            MethodVisitor visitor(MethodVisitor next, int access, String owner, String descriptor) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitFieldInsn(int opcode, String fieldOwner, String name, String fieldDescriptor) {
                        if (opcode == Opcodes.PUTFIELD && fieldOwner.equals(owner) && name.equals(field)) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.owner(), hook.name(), hook.descriptor(),
                                    false);
                        }
                        super.visitFieldInsn(opcode, fieldOwner, name, fieldDescriptor);
                    }
                };
            }
        };
    }

    final void pushAndCall(MethodVisitor mv, int access, String descriptor) {
        Type[] args = Type.getArgumentTypes(descriptor);
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        for (int load : loads) {
            if (load < 0) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
            } else {
                int slot = isStatic ? 0 : 1;
                for (int i = 0; i < load; i++) slot += args[i].getSize();
                mv.visitVarInsn(args[load].getOpcode(Opcodes.ILOAD), slot);
            }
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, hook.owner(), hook.name(), hook.descriptor(), false);
    }

    /** See {@link #constructor}. */
    private static final class ConstructorHooks extends MethodVisitor {
        private final String owner;
        private final Hook entry;
        private final Hook exit;
        private boolean delegates;
        private boolean seenSuperCall;

        ConstructorHooks(MethodVisitor next, String owner, Hook entry, Hook exit) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.entry = entry;
            this.exit = exit;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            // Harmless in a delegating constructor too: a static call before any use of this.
            if (entry != null) mv.visitMethodInsn(Opcodes.INVOKESTATIC, entry.owner(), entry.name(), entry.descriptor(), false);
        }

        @Override
        public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
            if (!seenSuperCall && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
                seenSuperCall = true;
                delegates = callOwner.equals(owner);
            }
            super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN && exit != null && !delegates) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, exit.owner(), exit.name(), exit.descriptor(), false);
            }
            super.visitInsn(opcode);
        }
    }
}
