package io.uts4j.it.webapp;

import io.uts4j.it.apps.ServerPool;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A web application that knows nothing of uts4j and touches every place where uts4j could keep
 * its class loader: the request thread's identity (its context loader binds it), a child process
 * (launched from a thread of the tenant's namespace), and tasks it hands to the server's pool
 * (which run as the tenant there). Each GET answers, one {@code key=value} a line, what each saw.
 */
public final class LaunchingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        try (PrintWriter w = resp.getWriter()) {
            w.println("thread=" + Thread.currentThread().getName());
            w.println("localHost.name=" + InetAddress.getLocalHost().getHostName());
            Process p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
            w.println("child.hostname=" + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            p.waitFor(30, TimeUnit.SECONDS);
            w.println("pool.submit=" + ServerPool.EXECUTOR.submit(() -> InetAddress.getLocalHost().getHostName())
                    .get(30, TimeUnit.SECONDS));
            w.println("pool.async=" + CompletableFuture.supplyAsync(LaunchingServlet::hostname, ServerPool.EXECUTOR)
                    .get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "ERR:" + e;
        }
    }
}
