package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host and domain names that no resolver could read as an address. */
class HostnameSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"web-1", "1a.example", "123.example", "0x7f.example", "a", "shop-1.eu-west.example.test",
            "1-2.3-4", "x1", "1.2.3.a"})
    void namesAreAccepted(String name) throws Exception {
        assertThat(HostnameSyntax.problem(name)).isNull();
        assertThat(AgentConfig.parse("tenant.a.hostname=" + name + ",tenant.a.domainname=" + name)
                .tenants().get(0).hostname()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "10.0.0.1", "127.1", "1234", "web.123", "a.b.c.0"})
    void lastLabelAllDigitsIsRefusedAsAnAddress(String name) {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=" + name + ",tenant.a.address=10.9.9.9"))
                .hasMessage("key 'tenant.a.hostname' (agent args) has value '" + name + "': it is an IP address (its last"
                        + " label is all digits); " + HostnameSyntax.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f.0x1", "1.0xff", "0x0a000001", "012.0x1.0.0x1"})
    void numbersTheCLibraryReadsAsAnAddressAreRefused(String name) {
        assertThat(HostnameSyntax.problem(name)).isEqualTo("it is an IP address (every label a number)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "0x7f.1"})
    void domainNameThatIsAnAddressIsRefusedToo(String name) {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.domainname=" + name))
                .hasMessageContaining("key 'tenant.a.domainname'").hasMessageContaining("it is an IP address")
                .hasMessageContaining("valid: dot-separated labels");
    }
}
