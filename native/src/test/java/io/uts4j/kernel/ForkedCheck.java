package io.uts4j.kernel;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tiny main run in a separate JVM (as another user, or in another user namespace) by
 * {@link ForkedJvmTest}; prints one line saying what happened.
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
}
