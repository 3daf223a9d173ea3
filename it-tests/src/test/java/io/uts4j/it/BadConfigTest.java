package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Hello;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad configuration stops the JVM before main, with one message naming key, value and what is valid. */
class BadConfigTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tenant.a.hostname=a,tenant.a.hostnmae=b | unknown key 'tenant.a.hostnmae' (agent args) with value 'b'; valid keys for tenant 'a': hostname",
        "tenant.a.hostname=bad_name              | key 'tenant.a.hostname' (agent args) has value 'bad_name': label 'bad_name' is not valid; valid: dot-separated labels",
        "tenant.a.hostname=a,tenant.a.threads=x( | key 'tenant.a.threads' (agent args) has value 'x(': unclosed group",
        "tenant.a.hostname=a,tenant.a.address=10.0.0.300 | key 'tenant.a.address' (agent args) has value '10.0.0.300': not an IP literal; valid: an IPv4 literal",
        "kernel=sometimes,tenant.a.hostname=a    | key 'kernel' (agent args) has value 'sometimes': not a kernel mode; valid: auto, required, off",
        "config=/nonexistent/uts4j.conf          | key 'config' (agent args) has value '/nonexistent/uts4j.conf': the file cannot be read",
        "tenant.a.domainname=example.test        | tenant 'a' has no hostname; add key 'tenant.a.hostname'",
        "tenant.a.hostname=a,cache=/tmp/x        | key 'cache' (agent args) is no longer used",
        "tenant.a.hostname=a,propagate=maybe     | key 'propagate' (agent args) has value 'maybe': not one of on, off; valid: on, off",
        "tenant.a.hostname=a,tenant.a.env.LD_PRELOAD=/x.so | key 'tenant.a.env.LD_PRELOAD' (agent args) sets LD_PRELOAD, which changes how the tenant's child processes load code",
    })
    void stopsBeforeMainWithOneClearMessage(String args, String message) {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent(args).run(Hello.class);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).as("main must not run").doesNotContain("hello from main");
        assertThat(r.stderr()).as(r.toString()).startsWith("uts4j: invalid configuration: " + message.trim());
        assertThat(r.stderr().strip().lines().count()).as("one message, no stack trace\n" + r).isEqualTo(1);
    }

    @Test
    void badKeyInAConfigFileNamesTheFileAndLine() throws Exception {
        Path f = Files.writeString(dir.resolve("tenants.conf"), "tenant.a.hostname=a\ntenant.a.adress=10.0.0.1\n");
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent("config=" + f).run(Hello.class);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("unknown key 'tenant.a.adress' (" + f + ":2) with value '10.0.0.1'");
    }

    @Test
    void validConfigFileIsApplied() throws Exception {
        Path f = Files.writeString(dir.resolve("tenants.conf"), "# a tenant\ntenant.a.hostname=a\nkernel=off\n");
        ForkedJvm.on(Jdk.current()).agent("config=" + f).run(Hello.class).assertSuccess();
    }
}
