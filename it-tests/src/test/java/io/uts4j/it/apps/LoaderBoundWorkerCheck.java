package io.uts4j.it.apps;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A pool's worker made for a tenant bound by a loader rule copies that tenant's context class
 * loader, as a servlet container's request thread hands its loader to the worker it makes. The
 * copy does not bind the worker: the host's tasks on it run as the host. A loader that host code
 * sets on the worker does. Argument: the name of the loader the tenant's rule matches. Prints
 * {@code @loaderBound\ttenantSaw=..\thostSaw=..\tsetByHost=..\tsameWorker=..}.
 */
public final class LoaderBoundWorkerCheck {
    private static final long T = SharedPools.TIMEOUT_SECONDS;

    public static void main(String[] args) throws Exception {
        Host.control();
        ClassLoader tenantsLoader = new URLClassLoader(args[0], new URL[0], LoaderBoundWorkerCheck.class.getClassLoader());
        ExecutorService pool = Executors.newFixedThreadPool(1);
        Map<String, String> m = new LinkedHashMap<>();
        CompletableFuture<Seen> tenants = new CompletableFuture<>();
        Thread request = new Thread(() -> {
            try {
                tenants.complete(pool.submit(Seen::now).get(T, TimeUnit.SECONDS)); // makes the pool's worker
            } catch (Exception e) {
                tenants.completeExceptionally(e);
            }
        }, "request");
        request.setContextClassLoader(tenantsLoader); // as a container does, before the application's code runs
        request.start();
        Seen tenant = tenants.get(T, TimeUnit.SECONDS);
        m.put("tenantSaw", tenant.identity());
        Seen host = pool.submit(Seen::now).get(T, TimeUnit.SECONDS);
        m.put("hostSaw", host.identity());
        m.put("sameWorker", String.valueOf(host.thread().equals(tenant.thread())));
        m.put("setByHost", pool.submit(() -> {
            Thread.currentThread().setContextClassLoader(tenantsLoader); // host code sets it: the rule binds
            return Seen.now();
        }).get(T, TimeUnit.SECONDS).identity());
        Report.print("loaderBound", m);
        pool.shutdown();
    }
}
