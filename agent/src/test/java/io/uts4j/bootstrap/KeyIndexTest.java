package io.uts4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jdk.internal.misc.Uts4jDispatcher;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overridden keys' index (a 64-bit mask by hash, then open addressing), checked through the
 * dispatcher that reads it, against a HashMap: for random key sets of many sizes, for keys that share
 * a bit of the mask, and for keys whose whole hash codes are equal.
 */
class KeyIndexTest {
    /** Strings with one String.hashCode, pairwise ("Aa" and "BB" both hash to 2112). */
    private static final List<String> SAME_HASH = List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB");

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    private static String randomKey(Random random) {
        String alphabet = "abAB.-_01";
        StringBuilder s = new StringBuilder();
        for (int i = 1 + random.nextInt(10); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 8, 31, 63, 64, 65, 100, 257, 1000})
    void aKeyIsFoundExactlyWhenATenantOverridesIt(int size) throws Exception {
        Random random = new Random(size);
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < size) keys.add(randomKey(random));
        if (size >= 3) keys.addAll(SAME_HASH.subList(0, 3)); // some of a colliding set in, the rest out
        // t overrides every key; u every other one, so that one table's index answers for both.
        Map<String, String> byT = new HashMap<>();
        Map<String, String> byU = new HashMap<>();
        int i = 0;
        for (String k : keys) {
            byT.put(k, "t:" + k);
            if (i++ % 2 == 0) byU.put(k, "u:" + k);
        }
        Uts4jTenant t = new Uts4jTenant("t", "t-host", null, null, byT, byT);
        Uts4jTenant u = new Uts4jTenant("u", "u-host", null, null, byU, byU);
        Uts4jInstall.install(new Table().with(t, null, null).with(u, null, null).build(), new RecordingServices(), false);

        List<String> probes = new ArrayList<>(keys);
        probes.addAll(SAME_HASH);
        for (int p = 0; p < 3000; p++) probes.add(randomKey(random));
        assertAnswers(t, byT, probes);
        assertAnswers(u, byU, probes);
    }

    private static void assertAnswers(Uts4jTenant tenant, Map<String, String> overrides, List<String> probes)
            throws Exception {
        Map<String, String> env = new HashMap<>(overrides);
        env.put("HOSTNAME", tenant.hostname()); // every tenant's environment has its hostname
        try (AutoCloseable s = Uts4jInstall.tenantScope(tenant)) {
            for (String key : probes) {
                assertThat(Uts4jDispatcher.getProperty(key)).as("property %s of %s", key, tenant.id())
                        .isEqualTo(overrides.get(key));
                assertThat(Uts4jDispatcher.getenv(key)).as("env %s of %s", key, tenant.id()).isEqualTo(env.get(key));
            }
        }
    }

    @Test
    void theKeySetsAboveShareMaskBitsAndWholeHashCodes() {
        // What the sizes above rely on: at 65 keys or more, two keys share a bit of the 64-bit mask.
        Random random = new Random(65);
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < 65) keys.add(randomKey(random));
        Set<Integer> bits = new HashSet<>();
        boolean shared = false;
        for (String k : keys) shared |= !bits.add(k.hashCode() & 63);
        assertThat(shared).isTrue();
        assertThat(SAME_HASH.stream().map(String::hashCode).distinct()).hasSize(2);
    }

    @Test
    void ofTwoKeysWithOneHashCodeOnlyTheOverriddenOneIsAnswered() throws Exception {
        Uts4jTenant t = new Uts4jTenant("t", "t-host", null, null, Map.of("Aa", "env"), Map.of("Aa", "property"));
        Uts4jInstall.install(new Table().with(t, null, null).build(), new RecordingServices(), false);
        try (AutoCloseable s = Uts4jInstall.tenantScope(t)) {
            assertThat(Uts4jDispatcher.getProperty("Aa")).isEqualTo("property");
            assertThat(Uts4jDispatcher.getProperty("BB")).isNull();
            assertThat(Uts4jDispatcher.getenv("Aa")).isEqualTo("env");
            assertThat(Uts4jDispatcher.getenv("BB")).isNull();
        }
    }
}
