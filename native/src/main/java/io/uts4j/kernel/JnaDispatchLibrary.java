package io.uts4j.kernel;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * JNA's own native library ({@code libjnidispatch}), unpacked into a new folder only this user can
 * enter, for JNA to load from there. JNA's default does the same through {@code File.createTempFile}
 * (whose first use initialises the JDK's secure random number generator and its security providers)
 * after scanning the temporary folder for its old files: some 30 ms of a cold start that a start
 * waiting for its namespaces can spare. The folder's name is guessable, but it is made atomically
 * and with mode 0700, so nothing another user does can put another file where JNA will load it.
 */
final class JnaDispatchLibrary {
    private static final int ATTEMPTS = 8;

    private JnaDispatchLibrary() {}

    /** The unpacked library, or null where it cannot be (JNA then unpacks it as it does by default). */
    static Path unpack() {
        Path dir = null;
        try {
            String name = System.mapLibraryName("jnidispatch");
            ClassLoader jna = Native.class.getClassLoader();
            try (InputStream in = jna.getResourceAsStream("com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + name)) {
                if (in == null) return null;
                dir = newPrivateFolder(Path.of(System.getProperty("java.io.tmpdir")));
                Path lib = dir.resolve(name);
                Files.copy(in, lib);
                return lib;
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            if (dir != null) delete(dir.resolve(System.mapLibraryName("jnidispatch")));
            return null;
        }
    }

    /** Removes the library and its folder: once loaded, the JVM no longer needs the file. */
    static void delete(Path lib) {
        try {
            Files.deleteIfExists(lib);
            Files.deleteIfExists(lib.getParent());
        } catch (IOException | RuntimeException e) {
            // left in the temporary folder, as JNA's own unpacking may leave it
        }
    }

    private static Path newPrivateFolder(Path tmp) throws IOException {
        FileAlreadyExistsException taken = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            Path dir = tmp.resolve("uts4j-jna-" + Long.toHexString(System.nanoTime()));
            try {
                return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                taken = e;
            }
        }
        throw taken;
    }
}
