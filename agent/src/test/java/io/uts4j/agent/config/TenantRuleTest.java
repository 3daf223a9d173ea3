package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** threads= and loader= rules pass through one check, whose refusals are one line naming the key. */
class TenantRuleTest {
    private static Setting threads(String rule) {
        return new Setting("tenant.a.threads", rule, "agent args");
    }

    @Test
    void validRuleIsReturnedAsGiven() throws Exception {
        assertThat(TenantSettings.validRule(threads("shop-\\d+"), "the whole thread name")).isEqualTo("shop-\\d+");
    }

    @Test
    void invalidRuleIsRefusedOnOneLineWithTheReason() {
        assertThatThrownBy(() -> TenantSettings.validRule(threads("work(er"), "the whole thread name"))
                .hasMessageStartingWith("key 'tenant.a.threads' (agent args) has value 'work(er': unclosed group '(' at index 4;"
                        + " valid: a java.util.regex pattern of literals")
                .hasMessageEndingWith(", matched against the whole thread name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void ruleThatWouldBacktrackIsMatchedInLinearTimeAndOneThatCannotBeIsRefused() throws Exception {
        assertThat(TenantSettings.validRule(threads("(.*a){20}"), "the whole thread name")).isEqualTo("(.*a){20}");
        assertThatThrownBy(() -> TenantSettings.validRule(threads("(a)\\1"), "the whole thread name"))
                .hasMessageContaining("backreference '\\1' at index 3 is not supported");
    }

    @Test
    void ruleOfTheLimitIsCompiledAndLongerRefusedUncompiled() throws Exception {
        String longest = "v".repeat(TenantSettings.MAX_RULE_CHARS);
        assertThat(TenantSettings.validRule(threads(longest), "the whole thread name")).isEqualTo(longest);
        assertThatThrownBy(() -> TenantSettings.validRule(threads(longest + "v"), "the whole thread name"))
                .hasMessageContaining("key 'tenant.a.threads'")
                .hasMessageContaining("it is " + (TenantSettings.MAX_RULE_CHARS + 1) + " characters long")
                .hasMessageContaining("at most " + TenantSettings.MAX_RULE_CHARS + " characters");
    }
}
