package io.uts4j.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file {@code config=} names: one {@code key=value} a line, {@code #} or {@code !} comments, values
 * taken literally (a regex is written as-is).
 *
 * <p>Only a regular file is opened — a FIFO or a device such as {@code /dev/zero} is refused from its
 * attributes alone, since opening or reading it may never end — and only its first
 * {@value #MAX_BYTES} bytes are read (16 MiB: 10,000 tenants with several settings each take about
 * 2 MB). It is UTF-8, strictly: a malformed byte sequence is refused with the file and line. A UTF-8
 * byte order mark at its start is skipped. Lines end at a line feed; a carriage return before it, and
 * spaces and tabs around keys and values, are ignored. The path is checked once, then opened: a file
 * swapped for a FIFO in between is not guarded against (whoever can do that writes the configuration).
 */
final class ConfigFile {
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Linux's PATH_MAX, in bytes. */
    static final int MAX_PATH_BYTES = 4096;
    private static final String VALID = "valid: the path of a readable regular file of UTF-8 key=value lines, at most "
            + MAX_BYTES + " bytes";

    private ConfigFile() {}

    /** The file's settings, keyed by key, in file order. */
    static Map<String, Setting> read(Setting config) throws ConfigException {
        Path path = path(config);
        String name = ConfigException.shown(config.value());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class); // a stat: nothing is opened
        } catch (IOException | RuntimeException e) {
            throw ConfigException.badValue(config, "the file cannot be read (" + reason(e) + ")", VALID);
        }
        if (!a.isRegularFile()) {
            throw ConfigException.badValue(config, "the file cannot be read (not a regular file: a directory, FIFO,"
                    + " device or socket; it was not opened)", VALID);
        }
        if (a.size() > MAX_BYTES) {
            throw ConfigException.badValue(config, "the file is " + a.size() + " bytes long", VALID);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // a file that grew, or one of /proc's that says it is empty
        } catch (IOException | RuntimeException e) {
            throw ConfigException.badValue(config, "the file cannot be read (" + reason(e) + ")", VALID);
        }
        if (bytes.length > MAX_BYTES) {
            throw ConfigException.badValue(config, "the file is more than " + MAX_BYTES + " bytes long", VALID);
        }
        return settings(bytes, name);
    }

    private static Path path(Setting config) throws ConfigException {
        int bytes = TextLimits.utf8Length(config.value());
        if (bytes > MAX_PATH_BYTES) throw ConfigException.badValue(config, "it is " + bytes + " bytes long", VALID);
        try {
            return Path.of(config.value());
        } catch (InvalidPathException e) {
            throw ConfigException.badValue(config, "not a path", VALID);
        }
    }

    static Map<String, Setting> settings(byte[] bytes, String name) throws ConfigException {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input: never replaces it
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        int start = bom ? 3 : 0;
        for (int n = 1; start < bytes.length; n++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            String line = TextLimits.strip(decode(utf8, bytes, start, end, name, n));
            start = end + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
            Setting s = ConfigSources.split(line, name + ":" + n);
            if (s.key().equals(ConfigSources.CONFIG_KEY)) {
                throw new ConfigException("key 'config' (" + s.origin() + "): a configuration file cannot name "
                        + "another; give 'config' in the agent args only");
            }
            Setting earlier = byKey.putIfAbsent(s.key(), s);
            if (earlier != null) {
                throw new ConfigException("key '" + ConfigException.shown(s.key()) + "' is given twice in " + name
                        + ", on lines " + lineOf.get(s.key()) + " and " + n + ", with values '"
                        + ConfigException.shown(earlier.value()) + "' and '" + ConfigException.shown(s.value())
                        + "'; valid: each key once in a file");
            }
            lineOf.put(s.key(), n);
        }
        return byKey;
    }

    private static String decode(CharsetDecoder utf8, byte[] bytes, int from, int to, String name, int line)
            throws ConfigException {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from); // UTF-8 never makes more chars than bytes
        utf8.reset();
        CoderResult r = utf8.decode(in, out, true);
        if (!r.isError()) r = utf8.flush(out);
        if (r.isError()) {
            int at = in.position();
            throw new ConfigException("file " + name + ":" + line + " is not UTF-8: a malformed sequence at byte "
                    + (at - from + 1) + " of the line (" + String.format("0x%02X", bytes[at] & 0xff)
                    + "); valid: a UTF-8 text file of key=value lines");
        }
        return out.flip().toString();
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) return "there is no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return ConfigException.shown(e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }
}
