package jdk.internal.misc;

import java.util.regex.Pattern;

/**
 * Rules (whole-match regular expressions) tried all at once: {@link #firstMatch} answers the first
 * rule, in declaration order, that matches a name. Interim implementation, one by one.
 */
public final class Uts4jRules {
    static final Uts4jRules NONE = new Uts4jRules(new String[0]);

    private final Pattern[] patterns;

    public Uts4jRules(String[] rules) {
        patterns = new Pattern[rules.length];
        for (int i = 0; i < rules.length; i++) patterns[i] = Pattern.compile(rules[i]);
    }

    boolean isEmpty() {
        return patterns.length == 0;
    }

    /** The index of the first rule that matches the whole of {@code s}, or -1. */
    int firstMatch(CharSequence s) {
        for (int i = 0; i < patterns.length; i++) {
            if (patterns[i].matcher(s).matches()) return i;
        }
        return -1;
    }
}
