package jdk.internal.misc;

/**
 * The text a {@code tenant.<id>.loader} rule is matched against, computed once per loader by the
 * agent (the loader's name, or the web application a server's loader reports), and kept only as
 * long as the loader lives.
 */
final class Uts4jLoaderNames {
    private static final Uts4jWeakIdentityMap<String> NAMES = new Uts4jWeakIdentityMap<>();

    private Uts4jLoaderNames() {}

    static String describe(ClassLoader loader) {
        String d = NAMES.get(loader);
        if (d == null) {
            Uts4jServices s = Uts4jDispatcher.services;
            d = s != null ? s.describeLoader(loader) : fallback(loader);
            if (d == null) d = fallback(loader);
            NAMES.put(loader, d);
        }
        return d;
    }

    private static String fallback(ClassLoader loader) {
        String name = loader.getName();
        return name != null && !name.isEmpty() ? name : String.valueOf(loader);
    }
}
