package io.uts4j.kernel;

/** Finds out, without throwing, whether this JVM can really create and enter UTS namespaces. */
public final class KernelSupport {

    private KernelSupport() {
    }

    /**
     * The outcome of {@link #probe()}.
     *
     * @param usable whether a UTS namespace could be created, entered and named here
     * @param reason why not (the failure's message), or {@code "ok"}
     */
    public record Probe(boolean usable, String reason) {
    }

    /**
     * Loads the native binding now, on the calling thread, which must be the only code of this JVM
     * that may load JNA meanwhile (an agent's start, before the application's {@code main}): JNA's
     * library is then unpacked without JNA's temporary-file machinery, some 30 ms less of a cold
     * start. Never throws: a failure is what {@link UtsNamespace#isSupported()} reports after.
     */
    public static void loadAlone() {
        try {
            Syscalls.loadAlone();
        } catch (Throwable t) {
            // reported by isSupported() and by every use, as when loaded lazily
        }
    }

    /**
     * Creates a UTS namespace, names it, enters it from a short-lived thread and reads the name back,
     * then releases it. Takes about a millisecond; never throws and never moves the calling thread.
     */
    public static Probe probe() {
        try {
            if (!UtsNamespace.isSupported()) {
                String reason = Syscalls.unavailableReason();
                return new Probe(false, reason != null ? reason : NamespaceId.CURRENT_THREAD + " does not exist");
            }
            String name = "uts4j-probe";
            try (UtsNamespace ns = UtsNamespace.create(name, null)) {
                String seen = ns.names().hostname();
                return seen.equals(name)
                        ? new Probe(true, "ok")
                        : new Probe(false, "a new UTS namespace named " + name + " reports " + seen);
            }
        } catch (Throwable t) { // the promise is to report, not to throw
            return new Probe(false, String.valueOf(t.getMessage() != null ? t.getMessage() : t));
        }
    }
}
