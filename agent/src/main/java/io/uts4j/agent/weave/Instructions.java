package io.uts4j.agent.weave;

/** The length of each JVM instruction, to walk a method's code from one instruction to the next. */
final class Instructions {
    static final int NOP = 0x00, ALOAD_0 = 0x2a, ILOAD = 0x15, LLOAD = 0x16, FLOAD = 0x17, DLOAD = 0x18, ALOAD = 0x19,
            ISTORE = 0x36, ASTORE = 0x3a, POP = 0x57, DUP = 0x59, IFEQ = 0x99, IFNULL = 0xc6, IRETURN = 0xac,
            ARETURN = 0xb0, RETURN = 0xb1, INVOKEVIRTUAL = 0xb6, INVOKESPECIAL = 0xb7, INVOKESTATIC = 0xb8,
            INVOKEINTERFACE = 0xb9, TABLESWITCH = 0xaa, LOOKUPSWITCH = 0xab, WIDE = 0xc4;

    /** Lengths of the fixed-size instructions, by opcode; 0 for the variable ones. */
    private static final byte[] LENGTH = new byte[256];

    static {
        String lengths = // opcodes 0x00 to 0xc9, one digit each (JVMS chapter 6); 0: variable
                "1111111111111111" // 00
                + "2323322222111111" // 10
                + "1111111111111111" // 20
                + "1111112222211111" // 30
                + "1111111111111111" // 40
                + "1111111111111111" // 50
                + "1111111111111111" // 60
                + "1111111111111111" // 70
                + "1111311111111111" // 80
                + "1111111113333333" // 90
                + "3333333332001111" // a0
                + "1133333335532311" // b0
                + "3311043355";      // c0
        for (int i = 0; i < lengths.length(); i++) LENGTH[i] = (byte) (lengths.charAt(i) - '0');
    }

    private Instructions() {}

    /** The length of the instruction at {@code pc} in {@code code} (which starts at {@code start}). */
    static int length(byte[] b, int start, int pc) {
        int op = b[start + pc] & 0xff;
        int fixed = LENGTH[op];
        if (fixed > 0) return fixed;
        if (op == WIDE) return (b[start + pc + 1] & 0xff) == 0x84 ? 6 : 4; // wide iinc, or a wide load/store
        int pad = 3 - (pc & 3); // operands start at the next multiple of 4 from the code's start
        int at = start + pc + 1 + pad;
        if (op == TABLESWITCH) {
            int low = i4(b, at + 4);
            int high = i4(b, at + 8);
            return 1 + pad + 12 + 4 * (high - low + 1);
        }
        if (op == LOOKUPSWITCH) return 1 + pad + 8 + 8 * i4(b, at + 4);
        throw new IllegalArgumentException("unknown opcode 0x" + Integer.toHexString(op) + " at " + pc);
    }

    static int i4(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
