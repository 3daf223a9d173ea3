package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.NameRuleTest.id;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;

/**
 * Run by {@link VirtualThreadInheritanceTest} in a JVM of JDK 21+ (virtual threads, reached by
 * reflection so that this compiles for 17). Prints what threads made inside a tenant's scope are
 * bound to, one {@code case=tenant} line each; the test judges.
 */
public final class VirtualThreadCheck {
    public static void main(String[] args) throws Exception {
        Uts4jTenant api = Table.tenant("api");
        Uts4jInstall.install(new Table().with(api, null, null).build(), new RecordingServices(), false);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        try (AutoCloseable scope = Uts4jInstall.tenantScope(api)) {
            report("virtual", ofVirtual.invoke(null), builderType);
            report("virtual-told-not-to-inherit", builderType.getMethod("inheritInheritableThreadLocals", boolean.class)
                    .invoke(ofVirtual.invoke(null), false), builderType);
            ExecutorService perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                    .invoke(null);
            System.out.println("virtual-per-task-executor=" + id(Threads.result(perTask.submit(
                    Uts4jInstall::currentTenant))));
            perTask.shutdown();
            ExecutorService platform = Executors.newFixedThreadPool(1);
            System.out.println("platform-pool=" + id(Threads.result(platform.submit(Uts4jInstall::currentTenant))));
            platform.shutdown();
        }
    }

    /** Makes a thread with the builder (as woven JDK code would), and prints whom it runs as. */
    private static void report(String what, Object builder, Class<?> builderType) throws Exception {
        FutureTask<Uts4jTenant> seen = new FutureTask<>(Uts4jInstall::currentTenant);
        jdk.internal.misc.Uts4jDispatcher.beforeThreadCreation();
        Thread t = (Thread) builderType.getMethod("unstarted", Runnable.class).invoke(builder, seen);
        WovenJdk.start(t);
        System.out.println(what + "=" + id(Threads.result(seen)));
    }
}
