package io.uts4j.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A web application that knows nothing of uts4j. Deployed with load-on-startup, so its libraries
 * initialise while the container starts it; each GET answers, one {@code key=value} a line, what
 * the libraries derived from the hostname then, what the JDK tells the request thread now, and how
 * this web application's class loader describes itself.
 */
public final class IdentityServlet extends HttpServlet {
    private final Map<String, String> atStartup = new LinkedHashMap<>();

    @Override
    public void init() {
        atStartup.put("init.thread", Thread.currentThread().getName());
        atStartup.put("init.localHost.name", get(() -> InetAddress.getLocalHost().getHostName()));
        atStartup.putAll(LibraryHostnames.read());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> m = new LinkedHashMap<>(atStartup);
        m.put("thread", Thread.currentThread().getName());
        m.put("localHost.name", get(() -> InetAddress.getLocalHost().getHostName()));
        m.put("localHost.canonical", get(() -> InetAddress.getLocalHost().getCanonicalHostName()));
        m.put("env.HOSTNAME", System.getenv("HOSTNAME"));
        m.put("mx.name", ManagementFactory.getRuntimeMXBean().getName());
        m.put("child.hostname", get(() -> {
            Process p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "EXIT:" + out;
        }));
        ClassLoader loader = getClass().getClassLoader();
        m.put("loader.class", loader.getClass().getName());
        m.put("loader.isContextLoader", String.valueOf(loader == Thread.currentThread().getContextClassLoader()));
        m.put("loader.getName", loader.getName());
        m.put("loader.getContextName", get(() -> loader.getClass().getMethod("getContextName").invoke(loader)));
        m.put("loader.toString", loader.toString().replaceAll("\\R", " | "));
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        m.forEach((k, v) -> out.print(k + "=" + v + "\n"));
    }

    static String get(Callable<Object> c) {
        try {
            return String.valueOf(c.call());
        } catch (Exception e) {
            return "ERR:" + e;
        }
    }
}
