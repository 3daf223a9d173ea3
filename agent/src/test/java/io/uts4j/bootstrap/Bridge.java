package io.uts4j.bootstrap;

import java.util.function.BiFunction;
import jdk.internal.misc.Uts4jInstall;

/** The bridge as the API calls it: an operation name and its arguments. */
final class Bridge {
    @SuppressWarnings("unchecked")
    private static final BiFunction<String, Object[], Object> BRIDGE =
            (BiFunction<String, Object[], Object>) Uts4jInstall.newBridge();

    private Bridge() {}

    static Object apply(String op, Object... args) {
        return BRIDGE.apply(op, args);
    }
}
