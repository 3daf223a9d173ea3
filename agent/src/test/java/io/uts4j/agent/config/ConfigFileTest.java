package io.uts4j.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The file config= names: a regular file, bounded, strict UTF-8; errors name the file and line. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws Exception {
        return Files.write(dir.resolve("tenants.conf"), bytes);
    }

    private Path file(String text) throws Exception {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void fifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
        // Opening a FIFO with no writer would block this thread for good: refusing at all shows it was not opened.
        assertThatThrownBy(() -> AgentConfig.parse("config=" + fifo))
                .hasMessageContaining("key 'config' (agent args) has value '" + fifo + "'")
                .hasMessageContaining("not a regular file").hasMessageContaining("valid: the path of a readable regular file");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void deviceIsRefusedWithoutBeingRead() {
        assertThatThrownBy(() -> AgentConfig.parse("config=/dev/zero"))
                .hasMessageContaining("key 'config' (agent args) has value '/dev/zero'")
                .hasMessageContaining("not a regular file");
    }

    @Test
    void directoryAndEmptyPathAreRefused() {
        assertThatThrownBy(() -> AgentConfig.parse("config=" + dir)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> AgentConfig.parse("config=")).hasMessageContaining("key 'config'")
                .hasMessageContaining("not a regular file");
    }

    @Test
    void fileOverTheBoundIsRefusedFromItsSize() throws Exception {
        Path big = dir.resolve("big.conf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ConfigFile.MAX_BYTES + 1L); // sparse: nothing is written
        }
        assertThatThrownBy(() -> AgentConfig.parse("config=" + big))
                .hasMessageContaining("the file is " + (ConfigFile.MAX_BYTES + 1L) + " bytes long")
                .hasMessageContaining("at most " + ConfigFile.MAX_BYTES + " bytes");
    }

    @Test
    void tenThousandTenantsFitWellWithinTheBound() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append("tenant.t").append(i).append(".hostname=tenant-").append(i).append(".example.test\n");
            b.append("tenant.t").append(i).append(".threads=t").append(i).append("-worker-\\d+\n");
            b.append("tenant.t").append(i).append(".env.REGION=eu-west-").append(i % 3).append('\n');
        }
        Path f = file(b.toString());
        assertThat(Files.size(f)).isLessThan(ConfigFile.MAX_BYTES / 4);
        assertThat(AgentConfig.parse("config=" + f).tenants()).hasSize(10_000);
    }

    @Test
    void malformedUtf8NamesTheFileAndLine() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("tenant.a.hostname=a\ntenant.a.env.CITY=M".getBytes(StandardCharsets.ISO_8859_1));
        b.write(0xfc); // ü in Latin-1
        b.writeBytes("nchen\n".getBytes(StandardCharsets.US_ASCII));
        Path f = file(b.toByteArray());
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessage("file " + f + ":2 is not UTF-8: a malformed sequence at byte 20 of the line (0xFC); "
                        + "valid: a UTF-8 text file of key=value lines");
    }

    @Test
    void leadingByteOrderMarkIsSkipped() throws Exception {
        Path f = file("\uFEFFtenant.a.hostname=a\n");
        assertThat(AgentConfig.parse("config=" + f).tenants()).extracting(TenantSpec::id).containsExactly("a");
    }

    @Test
    void byteOrderMarkAnywhereElseIsRefusedAsInvisible() throws Exception {
        Path f = file("tenant.a.hostname=a\n\uFEFFkernel=off\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessageContaining("key '\\ufeffkernel' (" + f + ":2) contains invisible character U+FEFF");
    }

    @Test
    void crlfLinesAreRead() throws Exception {
        Path f = file("# tenants\r\ntenant.a.hostname=a\r\nkernel=off\r\n");
        AgentConfig c = AgentConfig.parse("config=" + f);
        assertThat(c.tenants().get(0).hostname()).isEqualTo("a");
        assertThat(c.kernel()).isEqualTo(KernelMode.OFF);
    }

    @Test
    void carriageReturnInsideAValueIsRefusedNamingKeyFileAndLine() throws Exception {
        Path f = file("tenant.a.hostname=a\ntenant.a.env.GREETING=hello\rworld\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessageContaining("key 'tenant.a.env.GREETING' (" + f + ":2) has value 'hello\\rworld'")
                .hasMessageContaining("control character U+000D");
    }

    @Test
    void nulInAValueIsRefused() throws Exception {
        Path f = file("tenant.a.hostname=a\ntenant.a.env.X=a\0b\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessageContaining("key 'tenant.a.env.X' (" + f + ":2) has value 'a\\u0000b'");
    }

    @Test
    void keyTwiceInTheFileNamesBothLines() throws Exception {
        Path f = file("tenant.a.hostname=a\n# again\ntenant.a.hostname=b\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessage("key 'tenant.a.hostname' is given twice in " + f + ", on lines 1 and 3, with values 'a'"
                        + " and 'b'; valid: each key once in a file");
    }

    @Test
    void fileCannotNameAnother() throws Exception {
        Path f = file("config=/etc/other.conf\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessageContaining("key 'config' (" + f + ":1): a configuration file cannot name another");
    }

    @Test
    void longLineWithoutEqualsIsQuotedShort() throws Exception {
        String line = "x".repeat(100_000);
        Path f = file("tenant.a.hostname=a\n" + line + "\n");
        assertThatThrownBy(() -> AgentConfig.parse("config=" + f))
                .hasMessageContaining("(" + f + ":2) is not a setting")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void missingFileSaysSoOnce() {
        assertThatThrownBy(() -> AgentConfig.parse("config=/nonexistent/uts4j.properties"))
                .hasMessage("key 'config' (agent args) has value '/nonexistent/uts4j.properties': the file cannot be "
                        + "read (there is no such file); valid: the path of a readable regular file of UTF-8 key=value"
                        + " lines, at most " + ConfigFile.MAX_BYTES + " bytes");
    }

    @Test
    void pathLongerThanPathMaxIsRefusedUntried() {
        String path = "/" + "d/".repeat(ConfigFile.MAX_PATH_BYTES / 2);
        assertThatThrownBy(() -> AgentConfig.parse("config=" + path))
                .hasMessageContaining("it is " + (path.length()) + " bytes long");
    }
}
