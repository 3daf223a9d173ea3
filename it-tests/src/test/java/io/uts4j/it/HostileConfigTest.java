package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Hello;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configuration (issue 12's table) stops the JVM before main, fast, with one line on stderr
 * naming the key or the file and what is valid. A case that hangs fails on the forked JVM's timeout.
 */
class HostileConfigTest {
    /** Far above a refused start (about a second), far below a hang: the hang detector, not a timing check. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final String PREFIX = "uts4j: invalid configuration: ";

    @TempDir
    Path dir;

    private static ForkedJvm.Result start(String agentArgs) {
        return ForkedJvm.exec(ForkedJvm.on(Jdk.current()).agent(agentArgs).command(Hello.class), TIMEOUT_SECONDS);
    }

    /** Exit 2, main never ran, and stderr is exactly one short line with these parts. */
    private static void assertRefusedInOneLine(ForkedJvm.Result r, String... parts) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).as("main must not run").doesNotContain("hello from main");
        String line = r.stderr().strip();
        assertThat(line.lines().count()).as("one line, no stack trace\n" + r).isEqualTo(1);
        assertThat(line).as(r.toString()).startsWith(PREFIX).contains(parts).contains("valid");
        assertThat(line.length()).as("a short line: " + line).isLessThan(PREFIX.length() + 640);
    }

    private Path file(byte[] content) throws Exception {
        return Files.write(dir.resolve("tenants.conf"), content);
    }

    private Path file(String content) throws Exception {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo " + fifo).isTrue();
        return fifo;
    }

    /**
     * A rule java.util.regex would backtrack on for ages (40 s for a 32-character name, inside
     * Thread's constructor) is matched in time linear in the name: the thread starts at once.
     */
    @Test
    void ruleThatWouldBacktrackCatastrophicallyCannotStallAThread() {
        String name = "a".repeat(31) + "b";
        ForkedJvm.Result r = ForkedJvm.exec(ForkedJvm.on(Jdk.current())
                .agent("kernel=off,tenant.a.hostname=a-host,tenant.a.threads=(.*a){20}")
                .command(io.uts4j.it.apps.NamedThread.class, name), TIMEOUT_SECONDS).assertSuccess();
        assertThat(r.stdout()).as(r.toString()).contains("seen " + io.uts4j.it.apps.Children.run("hostname"));
        ForkedJvm.Result bound = ForkedJvm.exec(ForkedJvm.on(Jdk.current())
                .agent("kernel=off,tenant.a.hostname=a-host,tenant.a.threads=(.*a){20}")
                .command(io.uts4j.it.apps.NamedThread.class, "a".repeat(32)), TIMEOUT_SECONDS).assertSuccess();
        assertThat(bound.stdout()).as(bound.toString()).contains("seen a-host");
    }

    @Test
    void configNamingAnEndlessDeviceIsRefusedUnread() {
        assertRefusedInOneLine(start("config=/dev/zero"),
                "key 'config' (agent args) has value '/dev/zero'", "not a regular file");
    }

    @Test
    void configNamingAFifoIsRefusedUnopened() throws Exception {
        Path fifo = fifo();
        assertRefusedInOneLine(start("config=" + fifo), "key 'config' (agent args) has value '" + fifo + "'",
                "not a regular file");
    }

    @Test
    void namespaceNamingAFifoIsRefusedUnopened() throws Exception {
        Path fifo = fifo();
        assertRefusedInOneLine(start("tenant.x.hostname=x,tenant.x.namespace=" + fifo),
                "key 'tenant.x.namespace' (agent args) has value '" + fifo + "'", "not a regular file");
    }

    @Test
    void nulInAnEnvironmentValueIsRefused() throws Exception {
        Path f = file("tenant.a.hostname=a\ntenant.a.env.REGION=eu\0west\n");
        assertRefusedInOneLine(start("config=" + f),
                "key 'tenant.a.env.REGION' (" + f + ":2) has value 'eu\\u0000west'", "control character U+0000");
    }

    @Test
    void hostnameThatIsAnAddressIsRefused() {
        assertRefusedInOneLine(start("tenant.a.hostname=1.2.3.4,tenant.a.address=10.9.9.9"),
                "key 'tenant.a.hostname' (agent args) has value '1.2.3.4'", "it is an IP address");
    }

    @Test
    void lineBreakInsideAValueInAFileIsRefusedOnOneLine() throws Exception {
        Path f = file("tenant.a.hostname=a\ntenant.a.env.GREETING=hello\rworld\n");
        assertRefusedInOneLine(start("config=" + f),
                "key 'tenant.a.env.GREETING' (" + f + ":2) has value 'hello\\rworld'", "control character U+000D");
    }

    @Test
    void newlineInsideAValueInTheAgentArgsIsRefusedOnOneLine() {
        assertRefusedInOneLine(start("tenant.a.hostname=a,tenant.a.env.GREETING=hello\nworld"),
                "key 'tenant.a.env.GREETING' (agent args) has value 'hello\\nworld'", "control character U+000A");
    }

    @Test
    void megabyteValueIsRefusedQuotingEightyCharacters() throws Exception {
        String huge = "v".repeat(1 << 20); // in a file: one argument of the command line may not exceed 128 KiB
        Path f = file("tenant.a.hostname=a\ntenant.a.env.BIG=" + huge + "\n");
        assertRefusedInOneLine(start("config=" + f), "key 'tenant.a.env.BIG' (" + f + ":2) has value '"
                + "v".repeat(80) + "…(" + huge.length() + " characters)'", "bytes long");
    }

    @Test
    void byteOrderMarkAtTheStartOfAFileIsNotPartOfTheFirstKey() throws Exception {
        Path f = file("\uFEFFkernel=off\ntenant.a.hostname=a\n");
        ForkedJvm.Result r = start("config=" + f).assertSuccess();
        assertThat(r.stdout()).contains("hello from main");
        assertThat(r.startupLine()).as(r.toString()).contains("1 tenant [a=a]").contains("kernel=off");
    }

    @Test
    void malformedUtf8IsRefusedNamingTheFileAndLine() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("kernel=off\ntenant.a.hostname=a\ntenant.a.env.CITY=M".getBytes(StandardCharsets.US_ASCII));
        b.write(0xfc); // Latin-1, not UTF-8
        b.writeBytes("nchen\n".getBytes(StandardCharsets.US_ASCII));
        Path f = file(b.toByteArray());
        assertRefusedInOneLine(start("config=" + f), "file " + f + ":3 is not UTF-8");
    }
}
