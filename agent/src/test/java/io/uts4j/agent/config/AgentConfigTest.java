package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path dir;

    @Test
    void parsesEveryTenantKey() throws Exception {
        AgentConfig c = AgentConfig.parse("kernel=off,tenant.shop.hostname=shop-1,tenant.shop.domainname=example.test,"
                + "tenant.shop.address=10.1.2.3,tenant.shop.threads=shop-\\d+,tenant.shop.env.REGION=eu,"
                + "tenant.shop.property.os.name=ShopOS,tenant.shop.namespace=none");
        assertThat(c.kernel()).isEqualTo(KernelMode.OFF);
        TenantSpec t = c.tenants().get(0);
        assertThat(t.id()).isEqualTo("shop");
        assertThat(t.hostname()).isEqualTo("shop-1");
        assertThat(t.domainname()).isEqualTo("example.test");
        assertThat(InetAddress.getByAddress(t.address()).getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(java.util.regex.Pattern.matches(t.threads(), "shop-12")).isTrue();
        assertThat(t.env()).containsExactlyEntriesOf(java.util.Map.of("REGION", "eu"));
        assertThat(t.properties()).containsExactlyEntriesOf(java.util.Map.of("os.name", "ShopOS"));
        assertThat(t.namespace()).isEqualTo("none");
    }

    @Test
    void parsesLoaderRuleAndResolver() throws Exception {
        AgentConfig c = AgentConfig.parse("resolver=com.example.Tenants$Resolver,tenant.shop.hostname=shop,"
                + "tenant.shop.loader=/shop(/.*)?");
        assertThat(c.resolver()).isEqualTo("com.example.Tenants$Resolver");
        assertThat(java.util.regex.Pattern.matches(c.tenants().get(0).loader(), "/shop")).isTrue();
        assertThatThrownBy(() -> AgentConfig.parse("resolver=not a class"))
                .hasMessageContaining("key 'resolver'").hasMessageContaining("not a class name");
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.loader=[x"))
                .hasMessageContaining("tenant.a.loader").hasMessageContaining("context class loader");
    }

    @Test
    void defaultsAreAutoKernelAndNewNamespace() throws Exception {
        AgentConfig c = AgentConfig.parse("tenant.a.hostname=a");
        assertThat(c.kernel()).isEqualTo(KernelMode.AUTO);
        assertThat(c.tenants().get(0).namespace()).isEqualTo("new");
        assertThat(c.tenants().get(0).address()).isNull();
        assertThat(c.tenants().get(0).domainname()).isNull();
    }

    @Test
    void emptyArgsGiveNoTenants() throws Exception {
        assertThat(AgentConfig.parse(null).tenants()).isEmpty();
        assertThat(AgentConfig.parse("").tenants()).isEmpty();
    }

    @Test
    void escapedCommaStaysInsideAValue() throws Exception {
        AgentConfig c = AgentConfig.parse("tenant.a.hostname=a,tenant.a.threads=w{1\\,3}");
        assertThat(c.tenants().get(0).threads()).isEqualTo("w{1,3}");
    }

    @Test
    void tenantsKeepDeclarationOrderFileFirst() throws Exception {
        Path f = Files.writeString(dir.resolve("u.properties"), "# tenants\ntenant.z.hostname=z\n\ntenant.m.hostname=m\n");
        AgentConfig c = AgentConfig.parse("tenant.a.hostname=a,config=" + f);
        assertThat(c.tenants()).extracting(TenantSpec::id).containsExactly("z", "m", "a");
    }

    @Test
    void agentArgsWinOverTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("u.properties"), "tenant.a.hostname=from-file\ntenant.a.threads=x-\\d+\n");
        AgentConfig c = AgentConfig.parse("config=" + f + ",tenant.a.hostname=from-args");
        assertThat(c.tenants().get(0).hostname()).isEqualTo("from-args");
        assertThat(c.tenants().get(0).threads()).as("file values are literal").isEqualTo("x-\\d+");
    }

    @Test
    void unknownTenantKeyNamesKeyValueAndValidKeys() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.hostnmae=b"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tenant.a.hostnmae").hasMessageContaining("'b'")
                .hasMessageContaining("hostname, domainname, address, threads");
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        assertThatThrownBy(() -> AgentConfig.parse("kernal=off"))
                .hasMessageContaining("unknown key 'kernal'").hasMessageContaining("valid keys");
    }

    @Test
    void badHostnameIsRejectedWithTheRule() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=bad_host"))
                .hasMessageContaining("tenant.a.hostname").hasMessageContaining("'bad_host'")
                .hasMessageContaining("label 'bad_host' is not valid").hasMessageContaining("valid:");
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=-a")).hasMessageContaining("'-a'");
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a..b")).hasMessageContaining("empty label");
    }

    @Test
    void hostnameOf64BytesIsAcceptedAnd65Rejected() throws Exception {
        String trailingDot = "a".repeat(63) + ".";
        String ok = "a".repeat(30) + "." + "b".repeat(33);
        assertThat(ok.length()).isEqualTo(64);
        assertThat(AgentConfig.parse("tenant.a.hostname=" + ok).tenants().get(0).hostname()).isEqualTo(ok);
        String tooLong = ok + "c";
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=" + tooLong))
                .hasMessageContaining("65 bytes").hasMessageContaining("at most 64 bytes");
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=" + trailingDot)).hasMessageContaining("empty label");
    }

    @Test
    void badRegexNamesTheProblem() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.threads=work(er"))
                .hasMessageContaining("tenant.a.threads").hasMessageContaining("'work(er'")
                .hasMessageContaining("unclosed group");
    }

    @Test
    void ruleThatCannotBeMatchedInLinearTimeIsRefused() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.threads=(a)\\1"))
                .hasMessageContaining("tenant.a.threads").hasMessageContaining("backreference")
                .hasMessageContaining("valid: a java.util.regex pattern of literals");
    }

    @Test
    void badAddressIsRejectedWithoutAnyLookup() {
        for (String bad : new String[] {"localhost", "10.0.0", "256.1.1.1", "1.2.3.4.5", "example.com", "fd00::zz"}) {
            assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.address=" + bad))
                    .as(bad).hasMessageContaining("'" + bad + "'").hasMessageContaining("not an IP literal");
        }
    }

    @Test
    void ipv6AddressIsAccepted() throws Exception {
        byte[] a = AgentConfig.parse("tenant.a.hostname=a,tenant.a.address=fd00::5").tenants().get(0).address();
        assertThat(a).hasSize(16);
    }

    @Test
    void badKernelModeListsTheValidOnes() {
        assertThatThrownBy(() -> AgentConfig.parse("kernel=maybe"))
                .hasMessageContaining("'kernel'").hasMessageContaining("'maybe'")
                .hasMessageContaining("auto, required, off");
    }

    @Test
    void missingHostnameIsRejected() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.domainname=example.test"))
                .hasMessageContaining("tenant 'a' has no hostname").hasMessageContaining("tenant.a.hostname");
    }

    @Test
    void unreadableFileIsRejected() {
        assertThatThrownBy(() -> AgentConfig.parse("config=/nonexistent/uts4j.properties"))
                .hasMessageContaining("'config'").hasMessageContaining("/nonexistent/uts4j.properties")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void fileLineWithoutEqualsNamesFileAndLine() throws Exception {
        Path f = Files.writeString(dir.resolve("u.properties"), "tenant.a.hostname=a\nthis is wrong\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessageContaining(f + ":2").hasMessageContaining("'this is wrong'");
    }

    @Test
    void keyGivenTwiceInOneSourceIsRejected() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.hostname=b"))
                .hasMessageContaining("given twice").hasMessageContaining("'a'").hasMessageContaining("'b'");
    }

    @Test
    void badTenantIdIsRejected() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a b.hostname=x"))
                .hasMessageContaining("tenant id 'a b'");
    }

    @Test
    void namespacePathMustBeAbsoluteAndReadable() throws Exception {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.namespace=relative/ns"))
                .hasMessageContaining("not an absolute path").hasMessageContaining("new, none");
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname=a,tenant.a.namespace=/nonexistent/ns"))
                .hasMessageContaining("no readable file there");
        assertThat(AgentConfig.parse("tenant.a.hostname=a,tenant.a.namespace=/proc/self/ns/uts")
                .tenants().get(0).namespace()).isEqualTo("/proc/self/ns/uts");
    }

    @Test
    void settingWithoutEqualsIsRejected() {
        assertThatThrownBy(() -> AgentConfig.parse("tenant.a.hostname"))
                .hasMessageContaining("'tenant.a.hostname'").hasMessageContaining("key=value");
    }
}
