package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import java.util.Map;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.startup.ContextConfig;

/**
 * A server integration: the Tomcat listener that configures a web application deployed at run time
 * also makes it a tenant before it starts, with the host's capability the server holds. Its loader
 * rule names the application's context (Tomcat's loader reports the context's base name).
 */
public final class TenantOnDeploy extends ContextConfig {
    private final Uts4jControl control;
    private final String tenant;

    public TenantOnDeploy(Uts4jControl control, String tenant) {
        this.control = control;
        this.tenant = tenant;
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            control.addTenant(tenant, Map.of("hostname", tenant + "-1", "loader", tenant));
        }
        super.lifecycleEvent(event);
    }
}
