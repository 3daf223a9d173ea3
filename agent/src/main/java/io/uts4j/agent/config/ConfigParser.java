package io.uts4j.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns agent args (and the file they name) into an {@link AgentConfig}: every key checked, one
 * {@link ConfigException} naming the first bad one, never a partial configuration.
 */
public final class ConfigParser {
    static final String KERNEL_KEY = "kernel";
    static final String DEBUG_KEY = "debug";
    static final String RESOLVER_KEY = "resolver";
    static final String PROPAGATE_KEY = "propagate";
    static final String ALLOW_ENV_KEY = "allow-env";
    static final String ADDED_TENANTS_KEY = "added-tenants";
    static final String GLOBAL_KEYS = "config, kernel, propagate, resolver, allow-env, added-tenants, debug";

    private ConfigParser() {}

    public static AgentConfig parse(String agentArgs) throws ConfigException {
        KernelMode kernel = KernelMode.AUTO;
        boolean debug = false;
        boolean propagate = true;
        boolean claim = false;
        String resolver = null;
        Set<String> allowedEnv = Set.of();
        Map<String, Setting> settings = ConfigSources.read(agentArgs);
        // allow-env first: it decides what tenants' env keys may be, whichever comes first.
        Setting allow = settings.get(ALLOW_ENV_KEY);
        if (allow != null) allowedEnv = TenantSettings.allowedEnv(allow);
        TenantSettings rules = new TenantSettings(allowedEnv);
        Map<String, TenantSettings.Builder> tenants = new LinkedHashMap<>();
        for (Setting s : settings.values()) {
            switch (s.key()) {
                case KERNEL_KEY:
                    kernel = KernelMode.parse(s);
                    continue;
                case RESOLVER_KEY:
                    if (!NameSyntax.isClassName(s.value())) {
                        throw ConfigException.badValue(s, "not a class name",
                                "valid: the fully qualified name of a class implementing io.uts4j.TenantResolver");
                    }
                    resolver = s.value();
                    continue;
                case DEBUG_KEY:
                    debug = choice(s, "true", "false");
                    continue;
                case PROPAGATE_KEY:
                    propagate = choice(s, "on", "off");
                    continue;
                case ADDED_TENANTS_KEY:
                    claim = !choice(s, "yield", "claim");
                    continue;
                case ALLOW_ENV_KEY:
                    continue;
                case "cache":
                    throw new ConfigException("key 'cache' (" + s.origin() + ") is no longer used: the agent weaves"
                            + " the JDK in a few milliseconds at every start and keeps nothing on disk; remove it");
                default:
                    break;
            }
            TenantSettings.Key k = TenantSettings.Key.of(s);
            if (k == null) {
                throw new ConfigException("unknown key '" + ConfigException.shown(s.key()) + "' (" + s.origin()
                        + ") with value '" + ConfigException.shown(s.value()) + "'; valid keys: " + GLOBAL_KEYS
                        + ", tenant.<id>.<" + TenantSettings.KEYS.replace(", ", "|") + ">");
            }
            TenantSettings.Builder b = tenants.get(k.tenant()); // no lambda: this runs in premain
            if (b == null) tenants.put(k.tenant(), b = rules.builder(k.tenant()));
            b.set(k.field(), s);
        }
        List<TenantSpec> specs = new ArrayList<>();
        for (TenantSettings.Builder b : tenants.values()) specs.add(b.build());
        return new AgentConfig(kernel, Collections.unmodifiableList(specs), debug, resolver, propagate, allowedEnv,
                claim);
    }

    /** true for the first choice, false for the second. */
    private static boolean choice(Setting s, String yes, String no) throws ConfigException {
        if (s.value().equals(yes)) return true;
        if (s.value().equals(no)) return false;
        throw ConfigException.badValue(s, "not one of " + yes + ", " + no, "valid: " + yes + ", " + no);
    }
}
