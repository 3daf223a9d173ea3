package io.uts4j.agent.config;

import io.uts4j.agent.rules.RuleCompiler;
import io.uts4j.agent.rules.RuleSyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules for one tenant's settings — configured ones ({@code tenant.<id>.<key>}) and those of a
 * tenant added at run time alike: one builder for both, so the two can never drift apart.
 */
public final class TenantSettings {
    static final String KEYS = "hostname, domainname, address, threads, loader, namespace, env.<NAME>, property.<key>";
    static final int MAX_RULE_CHARS = 1024;
    /**
     * Variables that change how a child loads code: the dynamic loader's ({@code LD_*}), the ones
     * glibc itself ignores for set-user-ID programs for that reason ({@code unsecvars.h}), and the
     * JVM's own options variables. A tenant may set them only where the operator allows it.
     */
    static final Set<String> LOADER_ENV = Set.of("GCONV_PATH", "GETCONF_DIR", "GLIBC_TUNABLES", "HOSTALIASES",
            "LOCALDOMAIN", "LOCPATH", "MALLOC_TRACE", "NIS_PATH", "NLSPATH", "RESOLV_HOST_CONF", "RES_OPTIONS",
            "TMPDIR", "TZDIR", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Set<String> allowedEnv;

    TenantSettings(Set<String> allowedEnv) {
        this.allowedEnv = allowedEnv;
    }

    /** The operator's {@code allow-env} list. */
    static Set<String> allowedEnv(Setting s) throws ConfigException {
        Set<String> names = NameSyntax.names(s.value());
        for (String n : names) {
            if (!NameSyntax.isEnvName(n)) {
                throw ConfigException.badValue(s, "'" + ConfigException.shown(n) + "' is not a variable name",
                        "valid: names such as LD_LIBRARY_PATH, separated by commas or spaces");
            }
        }
        return Set.copyOf(names);
    }

    static boolean changesHowCodeLoads(String envName) {
        return envName.startsWith("LD_") || LOADER_ENV.contains(envName);
    }

    /**
     * One tenant added at run time: the same keys (without the {@code tenant.<id>.} prefix) and the
     * same checks as in the configuration.
     */
    public TenantSpec parse(String id, Map<String, String> settings, String origin) throws ConfigException {
        if (id == null || !NameSyntax.isTenantId(id)) {
            throw new ConfigException("tenant id '" + ConfigException.shown(String.valueOf(id)) + "' (" + origin
                    + "); valid: 1 to 64 letters, digits, '_' or '-'");
        }
        Builder b = builder(id);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new ConfigException("tenant '" + id + "' (" + origin + ") has a setting '"
                        + ConfigException.shown(String.valueOf(e.getKey())) + "' = '"
                        + ConfigException.shown(String.valueOf(e.getValue())) + "'; valid: keys and values that are not null");
            }
            Setting s = TextLimits.setting("tenant." + id + "." + e.getKey(), e.getValue(), origin);
            b.set(s.key().substring(("tenant." + id + ".").length()), s);
        }
        return b.build();
    }

    /**
     * The one place a {@code threads} or {@code loader} rule is checked before it is used: the rule, or
     * the refusal naming its key. All tenants' rules are matched at once by one automaton, in time
     * linear in the name whatever the rule (a rule such as {@code (.*a){20}}, on which a backtracking
     * matcher takes exponential time, can never stall a thread's constructor); so only the regular
     * constructs of {@code java.util.regex} are valid, and the compiler says which it refuses, where.
     *
     * <p>A rule is at most {@value #MAX_RULE_CHARS} characters.
     */
    static String validRule(Setting s, String matchedAgainst) throws ConfigException {
        if (s.value().length() > MAX_RULE_CHARS) {
            throw ConfigException.badValue(s, "it is " + s.value().length() + " characters long", "valid: a "
                    + "java.util.regex pattern of at most " + MAX_RULE_CHARS + " characters matched against "
                    + matchedAgainst);
        }
        try {
            RuleCompiler.check(s.value());
            return s.value();
        } catch (RuleSyntaxException e) {
            throw ConfigException.badValue(s, ConfigException.shown(e.problem()), "valid: " + RuleCompiler.SUPPORTED
                    + ", matched against " + matchedAgainst);
        }
    }

    Builder builder(String id) {
        return new Builder(id);
    }

    /** {@code tenant.<id>.<field>}, split. */
    record Key(String tenant, String field) {
        /** The key's parts, or null when it is not a tenant key at all. */
        static Key of(Setting s) throws ConfigException {
            String k = s.key();
            if (!k.startsWith("tenant.")) return null;
            int dot = k.indexOf('.', "tenant.".length());
            if (dot < 0) return null;
            String id = k.substring("tenant.".length(), dot);
            if (!NameSyntax.isTenantId(id)) {
                throw new ConfigException("key '" + ConfigException.shown(k) + "' (" + s.origin() + ") names tenant id '"
                        + ConfigException.shown(id) + "'; valid: a tenant id of 1 to 64 letters, digits, '_' or '-'");
            }
            return new Key(id, k.substring(dot + 1));
        }
    }

    /** Collects one tenant's settings, validating each as it comes. */
    final class Builder {
        private final String id;
        private String hostname;
        private String domainname;
        private byte[] address;
        private String threads;
        private String loader;
        private String namespace = TenantSpec.NAMESPACE_NEW;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        Builder(String id) {
            this.id = id;
        }

        void set(String field, Setting s) throws ConfigException {
            String v = s.value();
            if (field.equals("hostname")) {
                String problem = HostnameSyntax.problem(v);
                if (problem != null) throw ConfigException.badValue(s, problem, HostnameSyntax.VALID);
                hostname = v;
            } else if (field.equals("domainname")) {
                // The kernel's domain name has the same 64-byte bound, and resolvers read it as a name alike.
                String problem = HostnameSyntax.problem(v);
                if (problem != null) {
                    throw ConfigException.badValue(s, problem, HostnameSyntax.VALID.replace("host", "domain"));
                }
                domainname = v;
            } else if (field.equals("address")) {
                address = AddressLiteral.parse(v);
                if (address == null) throw ConfigException.badValue(s, "not an IP literal", AddressLiteral.VALID);
            } else if (field.equals("threads")) {
                threads = validRule(s, "the whole thread name");
            } else if (field.equals("loader")) {
                loader = validRule(s, "the whole name of the context class loader (or its web application's "
                        + "context, e.g. shop for /shop)");
            } else if (field.equals("namespace")) {
                namespace = namespace(s);
            } else if (field.startsWith("env.")) {
                String name = field.substring("env.".length());
                if (!NameSyntax.isEnvName(name)) {
                    throw new ConfigException("key '" + ConfigException.shown(s.key()) + "' (" + s.origin()
                            + ") names environment variable '" + ConfigException.shown(name)
                            + "'; valid: a name of letters, digits, '_', '.' or '-', not starting with a digit");
                }
                if (changesHowCodeLoads(name) && !allowedEnv.contains(name)) {
                    String shownName = ConfigException.shown(name);
                    throw new ConfigException("key '" + ConfigException.shown(s.key()) + "' (" + s.origin() + ") sets "
                            + shownName + ", which changes how the tenant's child processes load code; valid: another "
                            + "variable, or, if the operator means it, allow-env=" + shownName
                            + " in the agent configuration");
                }
                env.put(name, v);
            } else if (field.startsWith("property.") && field.length() > "property.".length()) {
                properties.put(field.substring("property.".length()), v);
            } else {
                throw new ConfigException("unknown key '" + ConfigException.shown(s.key()) + "' (" + s.origin()
                        + ") with value '" + ConfigException.shown(v) + "'; valid keys for tenant '" + id + "': " + KEYS);
            }
        }

        private String namespace(Setting s) throws ConfigException {
            String v = s.value();
            if (v.equals(TenantSpec.NAMESPACE_NEW) || v.equals(TenantSpec.NAMESPACE_NONE)) return v;
            int bytes = TextLimits.utf8Length(v);
            if (bytes > ConfigFile.MAX_PATH_BYTES) {
                throw ConfigException.badValue(s, "it is " + bytes + " bytes long", NAMESPACE_VALID);
            }
            Path p;
            try {
                p = Path.of(v);
            } catch (InvalidPathException e) {
                throw ConfigException.badValue(s, "not a path", NAMESPACE_VALID);
            }
            if (!p.isAbsolute()) throw ConfigException.badValue(s, "not an absolute path", NAMESPACE_VALID);
            // A namespace file is a regular file to stat; anything else (a FIFO would block the open) is refused unopened.
            if (!Files.isReadable(p)) throw ConfigException.badValue(s, "no readable file there", NAMESPACE_VALID);
            if (!Files.isRegularFile(p)) {
                throw ConfigException.badValue(s, "not a regular file (a directory, FIFO or device)", NAMESPACE_VALID);
            }
            return v;
        }

        TenantSpec build() throws ConfigException {
            boolean adopts = !namespace.equals(TenantSpec.NAMESPACE_NEW) && !namespace.equals(TenantSpec.NAMESPACE_NONE);
            if (hostname == null && !adopts) { // an adopted namespace's own names may stand in
                throw new ConfigException("tenant '" + id + "' has no hostname; add key 'tenant." + id
                        + ".hostname' with a valid hostname (" + HostnameSyntax.VALID + ")");
            }
            return new TenantSpec(id, hostname, domainname, address, threads, loader, namespace,
                    Collections.unmodifiableMap(env), Collections.unmodifiableMap(properties));
        }
    }

    static final String NAMESPACE_VALID = "valid: new, none, or the absolute path of a UTS namespace file "
            + "(e.g. one bind-mounted by 'unshare --uts=FILE', or /proc/<pid>/ns/uts of another process)";
}
