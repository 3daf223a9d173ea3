package io.uts4j.agent.config;

import java.util.List;
import java.util.Set;

/**
 * The validated configuration: what {@link ConfigParser#parse} makes of the agent args and the
 * file they name, complete or not at all.
 *
 * @param kernel       whether tenants get kernel namespaces
 * @param tenants      in declaration order: the file's first, then the agent args'
 * @param debug        whether the agent prints start-up details
 * @param resolver     the custom resolver's class name, or null
 * @param propagate    whether work handed to the JDK's executors runs as its submitter
 * @param allowedEnv   environment variables tenants may set although they change how children load code
 * @param addedClaim   whether tenants added at run time may take threads other tenants' rules bind
 */
public record AgentConfig(KernelMode kernel, List<TenantSpec> tenants, boolean debug, String resolver,
                          boolean propagate, Set<String> allowedEnv, boolean addedClaim) {
    /** Parses and validates; see {@link ConfigParser#parse}. */
    public static AgentConfig parse(String agentArgs) throws ConfigException {
        return ConfigParser.parse(agentArgs);
    }

    /** What a tenant added at run time is checked against: this configuration's own rules. */
    public TenantSettings tenantRules() {
        return new TenantSettings(allowedEnv);
    }
}
