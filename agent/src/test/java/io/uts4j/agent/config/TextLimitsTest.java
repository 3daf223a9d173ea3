package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key and value, from any source: bounded, no control characters, messages on one line. */
class TextLimitsTest {
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x85, 0x9f, 0x2028, 0x2029})
    void controlCharacterInsideAValueIsRefusedNamingTheKey(int c) {
        String value = "eu" + (char) c + "west";
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.env.REGION=" + value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'tenant.a.env.REGION' (agent args)")
                .hasMessageContaining(String.format("U+%04X at index 2", c))
                .hasMessageContaining("valid: text without control characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\0"));
    }

    @Test
    void tabInsideAValueIsAllowed() throws Exception {
        AgentConfig c = AgentConfig.parse("tenant.a.hostname=a,tenant.a.env.SEP=x\ty");
        assertThat(c.tenants().get(0).env()).containsEntry("SEP", "x\ty");
    }

    @Test
    void spacesTabsAndLineBreaksAroundKeysAndValuesAreIgnored() throws Exception {
        AgentConfig c = AgentConfig.parse("tenant.a.hostname=a,\n  tenant.a.env.REGION = eu\t\r\n,kernel=off");
        assertThat(c.tenants().get(0).env()).containsEntry("REGION", "eu");
    }

    @Test
    void loneSurrogateInAValueIsRefused() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.property.p=x\uD800"))
                .hasMessageContaining("key 'tenant.a.property.p'").hasMessageContaining("a lone surrogate U+D800");
    }

    @Test
    void invisibleCharacterInAKeyIsRefusedAndShown() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.property.\u200Bp=x"))
                .hasMessageContaining("key 'tenant.a.property.\\u200bp'")
                .hasMessageContaining("invisible character U+200B");
    }

    @Test
    void valueOfTheLimitInUtf8BytesIsAcceptedAndOneByteMoreRefused() throws Exception {
        String ok = "é".repeat(TextLimits.MAX_VALUE_BYTES / 2); // two bytes each
        assertThat(AgentConfig.parse("tenant.a.hostname=a,tenant.a.property.p=" + ok).tenants().get(0).properties())
                .containsEntry("p", ok);
        String over = ok + "x";
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.property.p=" + over))
                .hasMessageContaining("key 'tenant.a.property.p'")
                .hasMessageContaining("it is " + (TextLimits.MAX_VALUE_BYTES + 1) + " bytes long");
    }

    @Test
    void megabyteValueGivesAShortMessageQuotingEightyCharacters() {
        String huge = "v".repeat(1 << 20);
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.env.BIG=" + huge))
                .hasMessageContaining("key 'tenant.a.env.BIG'")
                .hasMessageContaining("'" + "v".repeat(ConfigException.SHOWN) + "…(" + huge.length() + " characters)'")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void keyOfTheLimitIsCheckedAsAKeyAndOneMoreRefusedAsTooLong() throws Exception {
        String prefix = "tenant.a.property.";
        String longest = prefix + "p".repeat(TextLimits.MAX_KEY_CHARS - prefix.length());
        assertThat(AgentConfig.parse("tenant.a.hostname=a," + longest + "=x").tenants().get(0).properties()).hasSize(1);
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a," + longest + "p=x"))
                .hasMessageContaining("is too long; valid: keys of at most " + TextLimits.MAX_KEY_CHARS);
    }

    @Test
    void tenantAddedAtRunTimeMeetsTheSameLimits() {
        TenantSettings rules = new TenantSettings(java.util.Set.of());
        assertThatThrownBy(() -> rules.parse("b", Map.of("hostname", "b", "env.X", "a\0b"), "added at run time"))
                .hasMessageContaining("key 'tenant.b.env.X' (added at run time) has value 'a\\u0000b'")
                .hasMessageContaining("control character U+0000");
    }

    @Test
    void jmxSettingsTextMeetsTheSameLimits() {
        assertThatThrownBy(() -> SettingsText.parse("hostname=b,env.X=line1\nline2"))
                .hasMessageContaining("key 'env.X' (added at run time) has value 'line1\\nline2'");
    }

    @Test
    void newlineInAValueGivesOneLineWithTheNewlineShown() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a\nb\nc"))
                .hasMessage("key 'tenant.a.hostname' (agent args) has value 'a\\nb\\nc': it contains control "
                        + "character U+000A at index 1; " + TextLimits.VALUE_VALID);
    }
}
