package io.uts4j.agent.config;

import java.util.Locale;

/** Whether tenants are backed by real kernel UTS namespaces. */
public enum KernelMode {
    /** Use namespaces where this JVM may create and join them; otherwise say so once and go on Java-level. */
    AUTO,
    /** Refuse to start unless namespaces can be created and joined. */
    REQUIRED,
    /** Java-level identity only. */
    OFF;

    static KernelMode parse(Setting s) throws ConfigException {
        for (KernelMode m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(s.value())) return m;
        }
        throw ConfigException.badValue(s, "not a kernel mode", "valid: auto, required, off");
    }
}
