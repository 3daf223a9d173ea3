package jdk.internal.misc;

/**
 * Finds the first of many rules that matches a whole string, in time linear in the string's length
 * and independent of the number of rules: a DFA built lazily from the rules' combined NFA, one step
 * per code point, no backtracking.
 *
 * <p>Safe for concurrent use. Matching takes no lock and allocates nothing once the DFA states it
 * passes through exist; a missing state is built under a lock. The built states are kept within a
 * memory budget (see {@link #Uts4jRuleMatcher(Uts4jRuleProgram, long)}).
 *
 * <p>Depends on java.base only, and on nothing of the compiler: it runs inside
 * {@code java.lang.Thread}'s constructor.
 */
public final class Uts4jRuleMatcher {
    /** The default budget for built DFA states: 4 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 4L << 20;

    private final Uts4jRuleProgram program;
    private final Uts4jDfaCache cache;
    private final byte[] asciiClasses;
    private final int asciiClassCount;

    public Uts4jRuleMatcher(Uts4jRuleProgram program) {
        this(program, DEFAULT_CACHE_BYTES);
    }

    /**
     * @param cacheBytes about how much memory built DFA states may take; when a new state would
     *     exceed it they are all dropped and built again as needed (answers stay right, only slower)
     */
    public Uts4jRuleMatcher(Uts4jRuleProgram program, long cacheBytes) {
        if (cacheBytes <= 0) throw new IllegalArgumentException("cache budget must be positive");
        this.program = program;
        this.cache = new Uts4jDfaCache(program, cacheBytes);
        this.asciiClasses = program.asciiClasses;
        this.asciiClassCount = program.asciiClassCount;
    }

    /**
     * The index of the first rule, in declaration order, that matches the whole of {@code s} as
     * {@code Pattern.compile(rule).matcher(s).matches()} would; -1 if none does. Reads {@code s} as
     * code points, as java.util.regex does: a surrogate pair is one code point, a lone surrogate is
     * itself. {@code s} must not be null.
     */
    public int firstMatch(CharSequence s) {
        Uts4jDfaState state = cache.start();
        int length = s.length();
        int i = 0;
        while (i < length) {
            int cp = s.charAt(i++);
            int cls;
            if (cp < 128) {
                cls = asciiClasses[cp];
            } else {
                if (cp >= Character.MIN_HIGH_SURROGATE && cp <= Character.MAX_HIGH_SURROGATE && i < length) {
                    char low = s.charAt(i);
                    if (Character.isLowSurrogate(low)) {
                        cp = Character.toCodePoint((char) cp, low);
                        i++;
                    }
                }
                cls = program.upperClass(cp);
            }
            Uts4jDfaState next = cls < asciiClassCount ? state.ascii[cls] : state.sparseTarget(cls);
            if (next == null) next = cache.transition(state, cls);
            if (next.dead) return -1;
            state = next;
        }
        return state.accept;
    }

    /** The number of rules. */
    public int ruleCount() {
        return program.ruleCount;
    }

    /** How often the built states were dropped for want of budget (for tests and diagnostics). */
    public int cacheFlushes() {
        return cache.flushes();
    }
}
