package io.uts4j.it.webapp;

import io.uts4j.it.apps.ServerPools;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A web application that hands its work to other threads, as many do, and knows nothing of uts4j:
 * {@code CompletableFuture.supplyAsync} on the common pool, a parallel stream, a pool the server
 * lends to every web application, and the servlet API's own {@code AsyncContext.start}. Each GET
 * answers, one {@code key=value} a line, the hostname each of them saw and on which thread.
 */
public final class HandOffServlet extends HttpServlet {
    private static final long T = 30;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        Map<String, String> m = Collections.synchronizedMap(new LinkedHashMap<>());
        AsyncContext async = req.startAsync();
        async.setTimeout(TimeUnit.SECONDS.toMillis(T));
        try {
            m.put("request", seen());
            m.put("supplyAsync", CompletableFuture.supplyAsync(HandOffServlet::seen).get(T, TimeUnit.SECONDS));
            m.put("sharedPool", ServerPools.SHARED.submit(HandOffServlet::seen).get(T, TimeUnit.SECONDS));
            String requestThread = Thread.currentThread().getName();
            var elements = IntStream.range(0, 64).parallel().mapToObj(i -> {
                sleep(1); // the element's own work: long enough that the common pool's workers take part
                return seen();
            }).collect(Collectors.toList());
            m.put("parallelStream", elements.stream().map(s -> s.substring(0, s.indexOf('@')))
                    .collect(Collectors.toCollection(TreeSet::new)).toString());
            m.put("parallelStream.onWorkers", String.valueOf(elements.stream().filter(s -> !s.endsWith("@" + requestThread)).count()));
        } catch (Exception e) {
            m.put("error", e.toString());
        }
        async.start(() -> {
            m.put("asyncStart", seen());
            try {
                respond(async, m);
            } finally {
                async.complete();
            }
        });
    }

    private static void respond(AsyncContext async, Map<String, String> m) {
        try {
            HttpServletResponse resp = (HttpServletResponse) async.getResponse();
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter out = resp.getWriter();
            synchronized (m) {
                m.forEach((k, v) -> out.print(k + "=" + v + "\n"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code hostname@thread}: what the calling thread sees, and where it is. */
    static String seen() {
        try {
            return InetAddress.getLocalHost().getHostName() + "@" + Thread.currentThread().getName();
        } catch (Exception e) {
            return "ERR:" + e + "@" + Thread.currentThread().getName();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
