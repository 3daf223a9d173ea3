package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written checks agree with the regular expressions they stand for, on random strings
 * over an alphabet of the characters that matter at each edge (and a few that never do).
 */
class NameSyntaxTest {
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    private static final String[] PIECES = {"a", "Z", "0", "9", "_", "-", ".", "$", ",", " ", "\t", "\n", "\u000B",
        "é", "Ж", "٣", "Ⅻ", "½", "\u200B", "𝒜", "x".repeat(30), "?", "/", "\u00a0"};

    @Test
    void handWrittenChecksAgreeWithThePatterns() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(8);
            for (int k = 0; k < n; k++) b.append(PIECES[r.nextInt(PIECES.length)]);
            String s = b.toString();
            String why = "seed " + seed + ", input '" + s + "'";
            assertThat(NameSyntax.isTenantId(s)).as("tenant id, " + why).isEqualTo(TENANT_ID.matcher(s).matches());
            assertThat(NameSyntax.isEnvName(s)).as("env name, " + why).isEqualTo(ENV_NAME.matcher(s).matches());
            assertThat(NameSyntax.isClassName(s)).as("class name, " + why).isEqualTo(CLASS_NAME.matcher(s).matches());
            LinkedHashSet<String> expected = new LinkedHashSet<>(Arrays.asList(SEPARATORS.split(s)));
            expected.remove("");
            assertThat(NameSyntax.names(s)).as("names, " + why).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void tenantIdsAreBoundedAt64() {
        assertThat(NameSyntax.isTenantId("a".repeat(64))).isTrue();
        assertThat(NameSyntax.isTenantId("a".repeat(65))).isFalse();
        assertThat(NameSyntax.isTenantId("")).isFalse();
    }
}
