package io.uts4j.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A tiny main run in a separate JVM (as another user, or in another user namespace) by
 * {@link ForkedJvmTest}; prints a line or two saying what happened. It uses nothing but uts4j and JNA.
 */
public final class ForkedCheck {

    private ForkedCheck() {
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "create":
                    try (UtsNamespace ns = UtsNamespace.create("forked", null)) {
                        System.out.println("OK " + ns.names().hostname());
                    }
                    break;
                case "join-own":
                    AtomicBoolean ran = new AtomicBoolean();
                    try (UtsNamespace ns = UtsNamespace.ofCurrentThread();
                         NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
                        try {
                            executor.call(() -> ran.getAndSet(true));
                            System.out.println("OK ran=" + ran);
                        } finally {
                            System.out.println("ran=" + ran.get());
                        }
                    }
                    break;
                case "create-all":
                    createAll(Integer.parseInt(args[1]));
                    break;
                case "probe":
                    KernelSupport.Probe probe = KernelSupport.probe();
                    System.out.println("PROBE usable=" + probe.usable() + " " + probe.reason());
                    break;
                default:
                    throw new IllegalArgumentException(args[0]);
            }
        } catch (NamespaceException e) {
            System.out.println("FAILED " + e.reason() + " errno=" + e.errno() + " " + e.getMessage());
        }
    }

    /** Prints whether {@code count} namespaces could be made, and the descriptors open before and after. */
    private static void createAll(int count) throws IOException {
        List<InitialNames> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(new InitialNames("forked-" + i, null));
        }
        UtsNamespace.currentThreadNames(); // JNA opens its own files once, and creates nothing
        long before = openFds();
        try {
            List<UtsNamespace> all = UtsNamespace.createAll(names);
            System.out.println("OK " + all.size());
            all.forEach(UtsNamespace::close);
        } finally {
            System.out.println("FDS before=" + before + " after=" + openFds());
        }
    }

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
