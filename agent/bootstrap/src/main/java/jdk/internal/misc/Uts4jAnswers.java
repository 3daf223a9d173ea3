package jdk.internal.misc;

/**
 * What one tenant answers for every overridden key of one tenant table, by the table's key
 * indexes: the per-thread record the fast path reads after a single {@code ThreadLocal} lookup.
 */
final class Uts4jAnswers {
    final Uts4jTenant tenant;
    final Uts4jTenants table;
    private final String[] properties;
    private final String[] env;     // null where the tenant does not override the key
    private final int hostnameEnv;  // index of HOSTNAME, which follows the tenant's names

    Uts4jAnswers(Uts4jTenant tenant, Uts4jTenants table, Uts4jKeys propertyKeys, Uts4jKeys envKeys) {
        this.tenant = tenant;
        this.table = table;
        properties = new String[propertyKeys.size()];
        for (int i = 0; i < properties.length; i++) {
            properties[i] = tenant.propertyOverrides().get(propertyKeys.key(i));
        }
        env = new String[envKeys.size()];
        int h = -1;
        for (int i = 0; i < env.length; i++) {
            String key = envKeys.key(i);
            if (key.equals("HOSTNAME") && !tenant.envOverridesHostnameExplicitly()) {
                h = i;
            } else {
                env[i] = tenant.env(key);
            }
        }
        hostnameEnv = h;
    }

    String property(int index) {
        return properties[index];
    }

    String env(int index) {
        return index == hostnameEnv ? tenant.hostname() : env[index];
    }
}
