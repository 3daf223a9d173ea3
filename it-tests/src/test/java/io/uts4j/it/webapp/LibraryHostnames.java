package io.uts4j.it.webapp;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.CoreConstants;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configuration;
import org.quartz.simpl.HostnameInstanceIdGenerator;
import org.quartz.simpl.SimpleInstanceIdGenerator;
import org.slf4j.LoggerFactory;

/** What real libraries, this web application's own copies, derive from the hostname as they start. */
final class LibraryHostnames {
    private LibraryHostnames() {}

    static Map<String, String> read() {
        Map<String, String> m = new LinkedHashMap<>();
        // Logback's ${HOSTNAME}: computed on first use, then kept by the logger context.
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        m.put("logback.HOSTNAME", logback.getProperty(CoreConstants.HOSTNAME_KEY));
        m.put("logback.from", where(LoggerContext.class));
        // Log4j's ${hostName}: set into the configuration's properties when the context starts.
        Configuration log4j = ((org.apache.logging.log4j.core.LoggerContext) LogManager.getContext(false))
                .getConfiguration();
        m.put("log4j.hostName", log4j.getStrSubstitutor().replace("${hostName}"));
        m.put("log4j.from", where(Configuration.class));
        // Quartz's instanceId=AUTO generators. Quartz consults the configured generator only for a
        // clustered (JDBC) job store, a RAMJobStore scheduler's id being "NON_CLUSTERED", so the
        // generators are asked here as a clustered store asks them.
        m.put("quartz.hostnameInstanceId", IdentityServlet.get(() -> new HostnameInstanceIdGenerator().generateInstanceId()));
        m.put("quartz.simpleInstanceId", IdentityServlet.get(() -> new SimpleInstanceIdGenerator().generateInstanceId()));
        m.put("quartz.from", where(HostnameInstanceIdGenerator.class));
        return m;
    }

    private static String where(Class<?> c) {
        return String.valueOf(c.getProtectionDomain().getCodeSource().getLocation());
    }
}
