package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link HostnameSyntax} agrees with the regular-expression definition of a valid name, on random names. */
class HostnameSyntaxPatternTest {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern C_NUMBER = Pattern.compile("[0-9]+|0[xX][0-9A-Fa-f]*");
    private static final String[] PIECES = {"a", "f", "F", "x", "X", "z", "0", "7", "9", "-", ".", "_", "é",
        "0x", "1".repeat(20), "b".repeat(61)};

    private static boolean valid(String name) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > HostnameSyntax.MAX_BYTES) return false;
        String[] labels = name.split("\\.", -1);
        for (String l : labels) if (!LABEL.matcher(l).matches()) return false;
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) return false;
        if (labels.length > 4) return true;
        for (String l : labels) if (!C_NUMBER.matcher(l).matches()) return true;
        return false;
    }

    @Test
    void agreesWithThePatterns() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(9);
            for (int k = 0; k < n; k++) b.append(PIECES[r.nextInt(PIECES.length)]);
            String s = b.toString();
            assertThat(HostnameSyntax.problem(s) == null).as("seed %d, name '%s'", seed, s).isEqualTo(valid(s));
        }
    }
}
