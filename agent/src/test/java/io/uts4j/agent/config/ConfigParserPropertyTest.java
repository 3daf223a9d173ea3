package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any input to {@link ConfigParser#parse} gives a valid configuration or one {@link ConfigException} whose
 * message is one short line naming a key or the file; never another exception. Cases come from
 * {@link ConfigGenerator}; a failure prints the case's seed, and {@code -Duts4j.seed=<seed>} replays
 * that case alone ({@code -Duts4j.cases=<n>} runs more than the default).
 */
class ConfigParserPropertyTest {
    /** Key, origin, value and the valid forms, each quoted at most {@value ConfigException#SHOWN} characters. */
    static final int MAX_MESSAGE = 640;
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

    @TempDir
    Path dir;

    @Test
    void everyInputGivesAValidConfigurationOrOneShortLineNamingTheKeyOrFile() throws Exception {
        String replay = System.getProperty("uts4j.seed");
        int cases = Integer.getInteger("uts4j.cases", 5_000);
        long first = replay != null ? Long.parseLong(replay) : new SplittableRandom().nextLong();
        SplittableRandom seeds = new SplittableRandom(first);
        Path file = dir.resolve("case.conf");
        int accepted = 0;
        int longest = 0;
        for (int i = 0; i < (replay != null ? 1 : cases); i++) {
            long seed = i == 0 ? first : seeds.nextLong();
            ConfigGenerator.Case c = new ConfigGenerator(seed).next(file.toString());
            Files.deleteIfExists(file);
            if (c.file() != null) Files.write(file, c.file());
            try {
                AgentConfig config;
                try {
                    config = ConfigParser.parse(c.args());
                } catch (ConfigException e) {
                    assertOneShortLineNamingKeyOrFile(e.getMessage(), file);
                    longest = Math.max(longest, e.getMessage().length());
                    continue;
                }
                assertValid(config);
                accepted++;
            } catch (Throwable t) { // an assertion or any other exception: either way, say how to replay it
                throw new AssertionError(c.describe() + ": " + t, t);
            }
        }
        System.out.printf("config parser: %d cases (first seed %d): %d valid, %d refused, longest message %d%n",
                replay != null ? 1 : cases, first, accepted, (replay != null ? 1 : cases) - accepted, longest);
    }

    private static void assertOneShortLineNamingKeyOrFile(String message, Path file) {
        assertThat(message.length()).as(message).isLessThanOrEqualTo(MAX_MESSAGE);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            assertThat(Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029')
                    .as("character %d of %s", i, message).isFalse();
        }
        assertThat(message.contains("key '") || message.contains(file.toString()) || message.contains("(agent args)"))
                .as("names a key or the file: %s", message).isTrue();
    }

    /** What a valid configuration is, written out again here rather than asked of the parser's own parts. */
    private static void assertValid(AgentConfig c) {
        assertThat(c.kernel()).isNotNull();
        for (String name : c.allowedEnv()) assertThat(name).matches(ENV_NAME);
        for (TenantSpec t : c.tenants()) {
            assertThat(t.id()).matches(TENANT_ID);
            assertThat(t.hostname() != null || t.adopts()).as("hostname of %s", t.id()).isTrue();
            if (t.hostname() != null) assertName(t.hostname());
            if (t.domainname() != null) assertName(t.domainname());
            if (t.address() != null) assertThat(t.address().length).isIn(4, 16);
            if (t.threads() != null) Pattern.compile(t.threads());
            if (t.loader() != null) Pattern.compile(t.loader());
            for (Map.Entry<String, String> e : t.env().entrySet()) {
                assertThat(e.getKey()).matches(ENV_NAME);
                if (e.getKey().startsWith("LD_") || e.getKey().equals("TMPDIR")) {
                    assertThat(c.allowedEnv()).contains(e.getKey());
                }
                assertPlainValue(e.getValue());
            }
            for (Map.Entry<String, String> e : t.properties().entrySet()) {
                assertThat(e.getKey()).isNotEmpty();
                assertPlainValue(e.getKey());
                assertPlainValue(e.getValue());
            }
        }
    }

    private static void assertName(String name) {
        assertThat(name.length()).isBetween(1, 64);
        String[] labels = name.split("\\.", -1);
        for (String label : labels) assertThat(label).matches(HOST_LABEL);
        assertThat(labels[labels.length - 1]).as("last label of %s", name).doesNotMatch("[0-9]+");
    }

    private static void assertPlainValue(String v) {
        assertThat(v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(65_536);
        assertThat(v).doesNotContainPattern("[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\u2028\\u2029]");
        assertThat(v).doesNotStartWith(" ").doesNotStartWith("\t").doesNotEndWith(" ").doesNotEndWith("\t");
        assertThat(v.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as("lone surrogates").isEmpty();
    }
}
