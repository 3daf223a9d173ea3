package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.IdentityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Woven JDK classes are reused across starts, and a damaged or unsafe cache is never trusted. */
class WovenClassCacheTest {
    @TempDir
    Path dir;

    private ForkedJvm.Result start(Path cache) {
        return ForkedJvm.on(Jdk.current())
                .agent(IdentityTest.ARGS + ",debug=true,cache=" + cache)
                .run(IdentityReport.class, IdentityTest.NAMES).assertSuccess();
    }

    @Test
    void secondStartTakesWovenClassesFromTheCacheAndBehavesTheSame() {
        Path cache = dir.resolve("cache");
        ForkedJvm.Result first = start(cache);
        int woven = woven(first, cache);
        assertThat(first.stderr()).contains("(0 classes from cache " + cache + ", " + woven + " woven)");
        assertThat(woven).as("InetAddress, System, ProcessBuilder, Thread").isEqualTo(4);
        ForkedJvm.Result second = start(cache);
        assertThat(second.stderr()).contains("(" + woven + " classes from cache " + cache + ", 0 woven)");
        for (String who : List.of("main", "alpha", "beta", "gamma")) {
            java.util.Map<String, String> before = new java.util.HashMap<>(first.report().get(who));
            java.util.Map<String, String> after = new java.util.HashMap<>(second.report().get(who));
            before.remove("mx.name"); // pid@host: the pid differs
            after.remove("mx.name");
            assertThat(after).as(who).isEqualTo(before);
        }
        assertThat(second.report().get("alpha")).containsEntry("localHost.name", "alpha");
    }

    @Test
    void damagedEntriesAreIgnoredAndRewoven() throws IOException {
        Path cache = dir.resolve("cache");
        start(cache);
        List<Path> entries = list(cache);
        assertThat(entries).hasSize(4);
        for (Path e : entries) {
            byte[] b = Files.readAllBytes(e);
            b[b.length / 2] ^= 0x5a;
            Files.write(e, b);
        }
        ForkedJvm.Result r = start(cache);
        assertThat(r.stderr()).contains("(0 classes from cache " + cache + ", 4 woven)");
        assertThat(r.report().get("alpha")).containsEntry("localHost.name", "alpha");
    }

    @Test
    void folderOthersMayWriteIsNotUsed() throws IOException {
        Path cache = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        start(cache);
        assertThat(list(cache)).isEmpty();
        assertThat(start(cache).stderr()).contains("0 classes from cache");
    }

    private static int woven(ForkedJvm.Result r, Path cache) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("classes from cache " + java.util.regex.Pattern.quote(
                cache.toString()) + ", (\\d+) woven").matcher(r.stderr());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
