package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tenant shop's code comes from a class loader named {@code shop} (its loader rule). A thread sets
 * that loader as its context loader, runs the tenant's code (which launches a child process), and
 * hands the tenant's tasks to a pool; then it sets its context loader back, and nobody else holds
 * the loader. While that thread and the pool's threads live on, the loader must be collected:
 * neither uts4j's per-thread caches, nor work carried to the pool, nor the tenant's dedicated
 * namespace threads (made while the loader was around) may keep it.
 */
public final class LoaderReleaseCheck {
    private static final int GC_ROUNDS = 100; // of System.gc() and 100 ms: 10 s at most

    public static void main(String[] args) throws Exception {
        Host.control();
        ExecutorService pool = ServerPool.EXECUTOR;
        ServerPool.start(); // its threads made by the host, before any tenant code runs
        Map<String, String> m = new LinkedHashMap<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        WeakReference<ClassLoader>[] loader = newRef();
        Thread worker = new Thread(() -> {
            try {
                loader[0] = new WeakReference<>(runTenantCode(pool, m));
                done.countDown();
                end.await(60, TimeUnit.SECONDS); // lives on, as a server's threads do
            } catch (Exception e) {
                m.put("failure", e.toString());
                done.countDown();
            }
        }, "worker");
        worker.start();
        if (!done.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the worker did not finish");
        int rounds = 0;
        while (loader[0] != null && loader[0].get() != null && rounds < GC_ROUNDS) {
            System.gc();
            Thread.sleep(100);
            rounds++;
        }
        m.put("collected", String.valueOf(loader[0] != null && loader[0].get() == null));
        m.put("gcRounds", String.valueOf(rounds));
        m.put("workerAlive", String.valueOf(worker.isAlive()));
        m.put("poolThreads", String.valueOf(ServerPool.EXECUTOR.getPoolSize()));
        ClassLoader left = loader[0] == null ? null : loader[0].get();
        if (left != null) {
            StringBuilder holders = new StringBuilder();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getContextClassLoader() == left) holders.append(t.getName()).append(' ');
            }
            m.put("contextLoaderOf", holders.toString().trim());
            left = null;
        }
        end.countDown();
        Report.print("release", m);
    }

    /** On the calling thread: the tenant's code here and on the pool; returns the loader, which it no longer holds. */
    private static ClassLoader runTenantCode(ExecutorService pool, Map<String, String> m) throws Exception {
        URL classes = TenantLoaderTask.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader shop = new URLClassLoader("shop", new URL[] {classes}, null); // its own copy of the task
        Thread self = Thread.currentThread();
        self.setContextClassLoader(shop);
        m.put("bound", Uts4j.currentTenant().orElse("host"));
        m.put("here", InetAddress.getLocalHost().getHostName());
        @SuppressWarnings("unchecked")
        Callable<String> task = (Callable<String>) shop.loadClass(TenantLoaderTask.class.getName())
                .getConstructor().newInstance();
        m.put("task.loader", String.valueOf(task.getClass().getClassLoader().getName()));
        m.put("task.here", task.call());
        m.put("task.submitted", pool.submit(task).get(30, TimeUnit.SECONDS));
        m.put("task.async", CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (Exception e) {
                return "ERR:" + e;
            }
        }, pool).get(30, TimeUnit.SECONDS));
        m.put("task.inNamespace", Uts4j.callInNamespace("shop", task));
        self.setContextClassLoader(ClassLoader.getSystemClassLoader()); // and no identity call after it
        shop.close();
        return shop;
    }

    @SuppressWarnings("unchecked")
    private static WeakReference<ClassLoader>[] newRef() {
        return new WeakReference[1];
    }
}
