package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Hello;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code java -jar uts4j-agent.jar}: check-config, --version, --help and a command it does not know. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void checkConfigSummarizesAValidConfiguration() {
        ForkedJvm.Result r = JarCommand.on(Jdk.current()).run("check-config",
                "kernel=off,tenant.shop.hostname=shop-1,tenant.shop.domainname=example.test,tenant.shop.threads=shop-.*,"
                        + "tenant.blog.hostname=blog-1").assertSuccess();
        assertThat(r.stdout()).isEqualTo("configuration is valid: kernel=off, 2 tenant(s)\n"
                + "  shop: hostname shop-1, domain example.test, threads /shop-.*/\n"
                + "  blog: hostname blog-1\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void checkConfigReadsAConfigFileAsTheAgentDoes() throws Exception {
        Path f = Files.writeString(dir.resolve("tenants.conf"), "# shop\ntenant.shop.hostname=shop-1\n");
        ForkedJvm.Result r = JarCommand.on(Jdk.current()).run("check-config", "config=" + f + ",kernel=required")
                .assertSuccess();
        assertThat(r.stdout()).startsWith("configuration is valid: kernel=required, 1 tenant(s)\n  shop: hostname shop-1");
    }

    /** The same exit status and the same one line as the agent's at start-up, for each kind of mistake. */
    @ParameterizedTest
    @ValueSource(strings = {
        "tenant.a.hostname=a,tenant.a.hostnmae=b",
        "tenant.a.hostname=bad_name",
        "tenant.a.hostname=a,tenant.a.threads=x(",
        "kernel=sometimes,tenant.a.hostname=a",
        "config=/nonexistent/uts4j.conf",
        "tenant.a.domainname=example.test",
    })
    void checkConfigRejectsWhatTheAgentRejectsWithTheSameMessage(String args) {
        ForkedJvm.Result agent = ForkedJvm.on(Jdk.current()).agent(args).run(Hello.class);
        ForkedJvm.Result check = JarCommand.on(Jdk.current()).run("check-config", args);
        assertThat(agent.exitCode()).as(agent.toString()).isEqualTo(2);
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
        assertThat(check.stderr()).as(check.toString()).startsWith("uts4j: invalid configuration: ")
                .isEqualTo(agent.stderr());
        assertThat(check.stderr().lines().count()).isEqualTo(1);
        assertThat(check.stdout()).isEmpty();
    }

    @Test
    void checkConfigWithoutAConfigurationIsAUsageError() {
        ForkedJvm.Result r = JarCommand.on(Jdk.current()).run("check-config");
        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.stderr()).startsWith("usage: java -jar uts4j-agent.jar check-config");
    }

    @Test
    void versionIsTheBuiltVersion() throws Exception {
        String built;
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            built = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertThat(built).matches("\\d+\\.\\d+\\.\\d+.*");
        ForkedJvm.Result r = JarCommand.on(Jdk.current()).run("--version").assertSuccess();
        assertThat(r.stdout()).isEqualTo("uts4j " + built + "\n");
    }

    @Test
    void helpListsEveryCommand() {
        for (String[] args : new String[][] {{"--help"}, {}}) {
            ForkedJvm.Result r = JarCommand.on(Jdk.current()).run(args).assertSuccess();
            assertThat(r.stdout()).as(r.toString()).contains("\n  demo ", "\n  doctor ", "\n  check-config ",
                    "\n  --version ", "\n  --help ").doesNotContain("demo-app");
        }
    }

    @Test
    void unknownCommandExits64WithUsage() {
        ForkedJvm.Result r = JarCommand.on(Jdk.current()).run("frobnicate");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).startsWith("uts4j: unknown command 'frobnicate'\n").contains("\n  doctor ");
        assertThat(r.stdout()).isEmpty();
    }
}
