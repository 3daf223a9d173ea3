package io.uts4j.agent.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The validated configuration. {@link #parse} either returns a complete configuration or throws
 * one {@link ConfigException} naming the first bad key: never a partial one.
 */
public record AgentConfig(KernelMode kernel, List<TenantSpec> tenants, String cache, boolean debug,
                          String resolver) {
    static final String KERNEL_KEY = "kernel";
    static final String CACHE_KEY = "cache";
    static final String DEBUG_KEY = "debug";
    static final String RESOLVER_KEY = "resolver";
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    /** {@link #cache()} when woven classes are not to be kept. */
    public static final String CACHE_OFF = "off";
    private static final Pattern TENANT_KEY = Pattern.compile("tenant\\.([^.]*)\\.(.*)");
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String TENANT_KEYS = "hostname, domainname, address, threads, loader, namespace, env.<NAME>, "
            + "property.<key>";
    private static final int MAX_DOMAIN_BYTES = 64;

    /**
     * @return the configuration; {@link #cache()} is null for the default location,
     *         {@link #CACHE_OFF}, or an absolute folder
     */
    public static AgentConfig parse(String agentArgs) throws ConfigException {
        KernelMode kernel = KernelMode.AUTO;
        String cache = null;
        boolean debug = false;
        String resolver = null;
        Map<String, TenantBuilder> tenants = new LinkedHashMap<>();
        for (Setting s : ConfigSources.read(agentArgs).values()) {
            if (s.key().equals(KERNEL_KEY)) {
                kernel = KernelMode.parse(s);
                continue;
            }
            if (s.key().equals(RESOLVER_KEY)) {
                if (!CLASS_NAME.matcher(s.value()).matches()) {
                    throw ConfigException.badValue(s, "not a class name",
                            "valid: the fully qualified name of a class implementing io.uts4j.TenantResolver");
                }
                resolver = s.value();
                continue;
            }
            if (s.key().equals(DEBUG_KEY)) {
                if (!s.value().equals("true") && !s.value().equals("false")) {
                    throw ConfigException.badValue(s, "not a boolean", "valid: true, false");
                }
                debug = s.value().equals("true");
                continue;
            }
            if (s.key().equals(CACHE_KEY)) {
                if (!s.value().equals(CACHE_OFF) && !java.nio.file.Path.of(s.value()).isAbsolute()) {
                    throw ConfigException.badValue(s, "not an absolute path",
                            "valid: off, or the absolute path of a folder for woven JDK classes");
                }
                cache = s.value();
                continue;
            }
            var m = TENANT_KEY.matcher(s.key());
            if (!m.matches()) {
                throw new ConfigException("unknown key '" + s.key() + "' (" + s.origin() + ") with value '"
                        + s.value() + "'; valid keys: config, kernel, cache, debug, resolver, tenant.<id>.<" + TENANT_KEYS.replace(", ", "|") + ">");
            }
            String id = m.group(1);
            if (!TENANT_ID.matcher(id).matches()) {
                throw new ConfigException("key '" + s.key() + "' (" + s.origin() + ") names tenant id '" + id
                        + "'; valid: a tenant id of 1 to 64 letters, digits, '_' or '-'");
            }
            TenantBuilder b = tenants.get(id); // no method reference: this runs in premain (see Instrumenter)
            if (b == null) tenants.put(id, b = new TenantBuilder(id));
            b.set(m.group(2), s);
        }
        List<TenantSpec> specs = new ArrayList<>();
        for (TenantBuilder b : tenants.values()) specs.add(b.build());
        return new AgentConfig(kernel, Collections.unmodifiableList(specs), cache, debug, resolver);
    }

    /**
     * One tenant given at run time: the same keys (without the {@code tenant.<id>.} prefix) and the
     * same checks as in the configuration.
     */
    public static TenantSpec parseTenant(String id, Map<String, String> settings, String origin) throws ConfigException {
        if (id == null || !TENANT_ID.matcher(id).matches()) {
            throw new ConfigException("tenant id '" + id + "' (" + origin + "); valid: 1 to 64 letters, digits, '_' or '-'");
        }
        TenantBuilder b = new TenantBuilder(id);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            b.set(e.getKey(), new Setting("tenant." + id + "." + e.getKey(), e.getValue().trim(), origin));
        }
        return b.build();
    }

    /** {@code key=value,key=value} (a comma in a value written {@code \,}) as an ordered map. */
    public static Map<String, String> parseSettings(String text) throws ConfigException {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting s : ConfigSources.parseArgs(text == null ? "" : text)) {
            if (m.put(s.key(), s.value()) != null) {
                throw new ConfigException("key '" + s.key() + "' is given twice; valid: each key once");
            }
        }
        return m;
    }

    /** Collects one tenant's settings, validating each as it comes. */
    private static final class TenantBuilder {
        private final String id;
        private String hostname;
        private String domainname;
        private byte[] address;
        private Pattern threads;
        private Pattern loader;
        private String namespace = TenantSpec.NAMESPACE_NEW;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        TenantBuilder(String id) {
            this.id = id;
        }

        void set(String field, Setting s) throws ConfigException {
            String v = s.value();
            if (field.equals("hostname")) {
                String problem = HostnameSyntax.problem(v);
                if (problem != null) throw ConfigException.badValue(s, problem, HostnameSyntax.VALID);
                hostname = v;
            } else if (field.equals("domainname")) {
                String problem = HostnameSyntax.problem(v);
                if (problem != null) {
                    throw ConfigException.badValue(s, problem, HostnameSyntax.VALID.replace("host", "domain"));
                }
                int bytes = v.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_DOMAIN_BYTES) {
                    throw ConfigException.badValue(s, "it is " + bytes + " bytes long", "valid: at most 64 bytes");
                }
                domainname = v;
            } else if (field.equals("address")) {
                address = AddressLiteral.parse(v);
                if (address == null) throw ConfigException.badValue(s, "not an IP literal", AddressLiteral.VALID);
            } else if (field.equals("threads")) {
                threads = regex(s, "the whole thread name");
            } else if (field.equals("loader")) {
                loader = regex(s, "the whole name of the thread's context class loader (or its web application's "
                        + "context name, e.g. shop for a Tomcat application at /shop)");
            } else if (field.equals("namespace")) {
                namespace = namespace(s);
            } else if (field.startsWith("env.")) {
                String name = field.substring("env.".length());
                if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                    throw new ConfigException("key '" + s.key() + "' (" + s.origin() + ") names environment variable '"
                            + name + "'; valid: a non-empty name without '='");
                }
                env.put(name, v);
            } else if (field.startsWith("property.") && field.length() > "property.".length()) {
                properties.put(field.substring("property.".length()), v);
            } else {
                throw new ConfigException("unknown key '" + s.key() + "' (" + s.origin() + ") with value '" + v
                        + "'; valid keys for tenant '" + id + "': " + TENANT_KEYS);
            }
        }

        private static Pattern regex(Setting s, String matchedAgainst) throws ConfigException {
            try {
                return Pattern.compile(s.value());
            } catch (PatternSyntaxException e) {
                throw ConfigException.badValue(s, "not a valid regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + ")",
                        "valid: a java.util.regex pattern matched against " + matchedAgainst);
            }
        }

        private static String namespace(Setting s) throws ConfigException {
            String v = s.value();
            if (v.equals(TenantSpec.NAMESPACE_NEW) || v.equals(TenantSpec.NAMESPACE_NONE)) return v;
            Path p = Path.of(v);
            if (!p.isAbsolute() || !Files.isReadable(p)) {
                throw ConfigException.badValue(s, p.isAbsolute() ? "no readable file there" : "not an absolute path",
                        "valid: new, none, or the absolute path of a UTS namespace file "
                                + "(e.g. one bind-mounted by 'unshare --uts=FILE', or /proc/<pid>/ns/uts)");
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
}
