package io.uts4j.agent.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random configurations from one seed: agent args and, often, a file, built from a grammar that mixes
 * valid keys and values with hostile bits. Every input is at most a few MB (at most 40 settings, one
 * megabyte value at most per case, other values under 100,000 bytes), so each parse is bounded by construction.
 */
final class ConfigGenerator {
    /** One input: agent args (naming {@code file} when it is given), and the file's bytes or null. */
    record Case(long seed, String args, byte[] file) {
        /** The case as a reader can replay it, each part shortened to what a message may show. */
        String describe() {
            return "seed " + seed + " (replay: -Duts4j.seed=" + seed + "): args '" + ConfigException.shown(args) + "'"
                    + (file == null ? "" : ", file of " + file.length + " bytes starting '"
                    + ConfigException.shown(new String(file, StandardCharsets.UTF_8)) + "'");
        }
    }

    private static final String[] GLOBAL_KEYS = {"kernel", "propagate", "resolver", "allow-env", "added-tenants",
            "debug", "cache", "kernal", "Tenant.a.hostname", "tenant", "tenant.a", "tenant..hostname"};
    private static final String[] VALID_GLOBAL_KEYS = {"kernel", "propagate", "resolver", "allow-env",
            "added-tenants", "debug"};
    private static final String[] IDS = {"a", "b", "shop", "web-1", "T_9"};
    private static final String[] HOSTILE_IDS = {"", "a b", "x".repeat(65), "é", "a\0", "\uFEFFa", "a/b"};
    private static final String[] FIELDS = {"hostname", "hostname", "hostname", "domainname", "address", "threads",
            "loader", "namespace", "env.REGION", "env.PATH", "env.LD_PRELOAD", "env.TMPDIR", "env.9X", "env.",
            "property.os.name", "property.", "hostnmae", ""};
    private static final String[] VALID_FIELDS = {"hostname", "domainname", "address", "threads", "loader",
            "namespace", "env.REGION", "env.PATH", "property.os.name", "property.user.region"};
    private static final String[] NAMES = {"web-1", "a.example", "1a.example", "shop-1.eu.example.test", "x",
            "a".repeat(63), "a".repeat(30) + "." + "b".repeat(33)};
    private static final String[] ADDRESSES = {"10.0.0.5", "fd00::5", "::1", "255.255.255.255", "0.0.0.0"};
    private static final String[] RULES = {"w-\\d+", ".*", "shop(/.*)?", "a|b", "[a-z]{1,3}", "\\Qx.y\\E"};
    private static final String[] NAMESPACES = {"new", "none", "/proc/self/ns/uts"};
    private static final String[] BAD_NAMESPACES = {"relative/ns", "/nonexistent/ns", "/tmp", ""};
    private static final String[] FREE_TEXT = {"eu", "", "a b", "x=y", "/usr/bin:/bin", "ünïcødé", "日本", "😀", "#x"};
    private static final String[] HOSTILE = {"\0", "\uFEFF", "\u2028", "\uD800", "\uDC00", "\\", "\\\\", "\\,", ",",
            "=", "1.2.3.4", "10.0.0.1", "0x7f.1", "127.1", "(.*a){20}", "(x*)*", "[x", "(a", "\r", "\n", "\t",
            " ", "\u0085", "\u007f", "\u001b[31m"};

    private final SplittableRandom r;
    private final long seed;
    private boolean hugeUsed;
    /** Per cent of settings given a hostile bit: none in about a third of the cases, so that many are valid. */
    private int hostility;

    ConfigGenerator(long seed) {
        this.seed = seed;
        this.r = new SplittableRandom(seed);
    }

    /** A case whose file, if any, is to be written at {@code filePath} before parsing. */
    Case next(String filePath) {
        hostility = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(40);
        byte[] file = r.nextInt(10) < 4 ? file() : null;
        List<String> items = new ArrayList<>();
        for (String[] kv : settings(r.nextInt(10))) {
            String value = hostile(50) ? kv[2] : kv[2].replace(",", "\\,"); // a raw comma splits the item
            items.add(kv[0] + kv[1] + value);
        }
        if (file != null || hostile(5)) {
            String config = "config=" + (file != null ? filePath : pick("/nonexistent/u.conf", "/tmp", "", "relative"));
            items.add(r.nextInt(items.size() + 1), config);
        }
        return new Case(seed, String.join(pick(",", ",", ", ", ",\n  ", ",,"), items), file);
    }

    private byte[] file() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.nextInt(5) == 0) out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        String eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
        for (String[] kv : settings(r.nextInt(30))) {
            int kind = r.nextInt(20);
            if (kind == 0) {
                out.writeBytes("# a comment".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
            } else if (kind == 1) {
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
            } else if (kind == 2 && hostile(50)) {
                out.writeBytes(malformed());
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
            } else if (kind == 3 && hostile(50)) {
                out.writeBytes(("config=/etc/other.conf" + eol).getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes((kv[0] + kv[1] + kv[2] + eol).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * Up to {@code n} settings of one source as {key, separator, value}: each key once (but for a hostile
     * duplicate), and mostly a hostname for each tenant named, so that many cases are whole configurations.
     */
    private List<String[]> settings(int n) {
        List<String[]> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String[] kv = setting();
            if (keys.add(kv[0]) || hostile(20)) out.add(kv);
        }
        for (String id : IDS) {
            String key = "tenant." + id + ".hostname";
            boolean named = false;
            for (String[] kv : out) named |= kv[0].startsWith("tenant." + id + ".");
            if (named && !keys.contains(key) && !hostile(30)) {
                out.add(r.nextInt(out.size() + 1), new String[] {key, "=", pick(NAMES)});
            }
        }
        return out;
    }

    private byte[] malformed() {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 'A'}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xe2, (byte) 0x82}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80}};
        byte[] b = bad[r.nextInt(bad.length)];
        byte[] prefix = "tenant.a.env.X=".getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[prefix.length + b.length];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(b, 0, line, prefix.length, b.length);
        return line;
    }

    /** {key, separator, value}: the separator is "=" but for the odd item that is no setting at all. */
    private String[] setting() {
        String key;
        String field = null;
        if (r.nextInt(4) == 0) {
            key = hostile(30) ? pick(GLOBAL_KEYS) : pick(VALID_GLOBAL_KEYS);
        } else {
            String id = hostile(25) ? pick(HOSTILE_IDS) : pick(IDS);
            field = hostile(50) ? pick(FIELDS) : pick(VALID_FIELDS);
            key = "tenant." + id + "." + field;
        }
        if (hostile(10)) key = hostile(key);
        String value = hostile(100) ? hostile(validValue(key, field)) : validValue(key, field);
        String sep = hostile(5) ? pick("", " ", "==") : "=";
        return new String[] {key, sep, value};
    }

    private String validValue(String key, String field) {
        if (field == null) {
            switch (key) {
                case "kernel": return pick("auto", "required", "off");
                case "propagate": return pick("on", "off");
                case "debug": return pick("true", "false");
                case "added-tenants": return pick("yield", "claim");
                case "resolver": return pick("com.example.R", "a.b$C", "Tenants");
                case "allow-env": return pick("LD_PRELOAD", "LD_PRELOAD, TMPDIR", "", "JAVA_TOOL_OPTIONS");
                default: return pick(FREE_TEXT);
            }
        }
        if (field.equals("hostname") || field.equals("domainname")) return pick(NAMES);
        if (field.equals("address")) return pick(ADDRESSES);
        if (field.equals("threads") || field.equals("loader")) return pick(RULES);
        if (field.equals("namespace")) return hostile(30) ? pick(BAD_NAMESPACES) : pick(NAMESPACES);
        return pick(FREE_TEXT);
    }

    /** The text with a hostile bit put in, around it, or in its place. */
    private String hostile(String text) {
        switch (r.nextInt(8)) {
            case 0: {
                int at = r.nextInt(text.length() + 1);
                return text.substring(0, at) + pick(HOSTILE) + text.substring(at);
            }
            case 1: return pick(HOSTILE);
            case 2: return pick(" ", "\t", "\n", "\r\n") + text + pick(" ", "\t", "\n", "\r\n", "");
            case 3: return text + (char) (r.nextBoolean() ? r.nextInt(0x20) : 0x7f + r.nextInt(0x21));
            case 4: return huge();
            case 5: return text.repeat(1 + r.nextInt(40));
            case 6: return "";
            default: return randomText(1 + r.nextInt(60));
        }
    }

    private String huge() {
        if (!hugeUsed && r.nextInt(50) == 0) {
            hugeUsed = true;
            return "v".repeat(1 << 20);
        }
        int[] sizes = {TextLimits.MAX_VALUE_BYTES - 1, TextLimits.MAX_VALUE_BYTES, TextLimits.MAX_VALUE_BYTES + 1,
                TextLimits.MAX_KEY_CHARS + 1, 99_999};
        int bytes = sizes[r.nextInt(sizes.length)];
        String unit = pick("v", "é", "😀"); // 1, 2 and 4 bytes: the size in bytes is exact whichever
        int unitBytes = TextLimits.utf8Length(unit);
        return unit.repeat(bytes / unitBytes) + "v".repeat(bytes % unitBytes);
    }

    /** Any code points at all: ASCII, controls, Latin-1, BMP (surrogates included) and beyond. */
    private String randomText(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(4)) {
                case 0: b.append((char) (0x20 + r.nextInt(0x5f))); break;
                case 1: b.append((char) r.nextInt(0x100)); break;
                case 2: b.append((char) r.nextInt(0x10000)); break;
                default: b.appendCodePoint(0x10000 + r.nextInt(0x100000)); break;
            }
        }
        return b.toString();
    }

    /** Whether to be hostile this time: {@code share} per cent of the case's hostility. */
    private boolean hostile(int share) {
        return r.nextInt(100 * 100) < hostility * share;
    }

    private String pick(String... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
