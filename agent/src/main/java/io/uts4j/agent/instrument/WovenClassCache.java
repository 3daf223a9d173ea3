package io.uts4j.agent.instrument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Woven JDK classes kept on disk, so that later starts skip Byte Buddy altogether (weaving the
 * JDK classes with it costs about half a second of start-up, mostly loading and interpreting it).
 *
 * <p>An entry is named by checksums of everything the woven bytes depend on: the class's original
 * bytes (so another JDK build misses) and the weaving plan (the agent jar, by path, size and
 * modification time, and the list of advised methods). Entries carry a checksum of their content
 * and are written atomically; a damaged one is ignored. Checksums, not a cryptographic hash, because
 * the folder is used only if this user owns it and no one else may write to it: these bytes become
 * part of {@code java.lang.Thread}, so trust comes from the folder, as for the agent jar itself.
 */
final class WovenClassCache {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private final Path dir;
    private final long planId;

    private WovenClassCache(Path dir, long planId) {
        this.dir = dir;
        this.planId = planId;
    }

    /** A cache in {@code dir}, or null (no caching) when the folder cannot be made safe to use. */
    static WovenClassCache open(Path dir, Path agentJar, String plan) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory() || !a.owner().getName().equals(System.getProperty("user.name"))
                    || a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                return null;
            }
            BasicFileAttributes jar = Files.readAttributes(agentJar, BasicFileAttributes.class);
            String id = agentJar.toAbsolutePath() + "\n" + jar.size() + "\n" + jar.lastModifiedTime().toMillis()
                    + "\n" + plan;
            return new WovenClassCache(dir, ((long) crc(id.getBytes(StandardCharsets.UTF_8)) << 32) | id.length());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The woven bytes for this original, or null. */
    byte[] get(String className, byte[] original) {
        try {
            byte[] all = Files.readAllBytes(file(className, original));
            if (all.length < 4) return null;
            byte[] content = Arrays.copyOfRange(all, 4, all.length);
            return ByteBuffer.wrap(all).getInt() == crc(content) ? content : null;
        } catch (IOException e) {
            return null;
        }
    }

    void put(String className, byte[] original, byte[] woven) {
        Path f = file(className, original);
        try {
            Path tmp = Files.createTempFile(dir, f.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, ByteBuffer.allocate(4 + woven.length).putInt(crc(woven)).put(woven).array());
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next start its speed
        }
    }

    private Path file(String className, byte[] original) {
        return dir.resolve(className + "-" + Long.toHexString(planId) + "-" + Integer.toHexString(crc(original))
                + "-" + original.length + ".class");
    }

    private static int crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        return (int) c.getValue();
    }
}
