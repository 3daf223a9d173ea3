package io.uts4j.agent.weave;

import java.util.ArrayList;
import java.util.List;

/**
 * The JDK methods uts4j weaves, each with what is woven into it. Plain data: which classes and
 * methods, and which bootstrap hook each calls.
 */
final class Targets {
    private static final String STRING = "Ljava/lang/String;";
    private static final int THIS = Rewrite.THIS;

    private Targets() {}

    /** What every agent weaves: the identity answers, process launches and thread creation. */
    static List<Target> identity() {
        List<Target> t = new ArrayList<>();
        String inet = "java/net/InetAddress";
        t.add(new Target(inet, "getLocalHost", "()Ljava/net/InetAddress;",
                Rewrite.answer(Hook.dispatcher("localHost", "()Ljava/net/InetAddress;")), "InetAddress.getLocalHost"));
        t.add(new Target(inet, "getByName", "(" + STRING + ")Ljava/net/InetAddress;",
                Rewrite.answer(Hook.dispatcher("addressFor", "(" + STRING + ")Ljava/net/InetAddress;"), 0),
                "InetAddress.getByName"));
        t.add(new Target(inet, "getAllByName", "(" + STRING + ")[Ljava/net/InetAddress;",
                Rewrite.answer(Hook.dispatcher("addressesFor", "(" + STRING + ")[Ljava/net/InetAddress;"), 0),
                "InetAddress.getAllByName"));
        t.add(new Target(inet, "getCanonicalHostName", "()" + STRING,
                Rewrite.answer(Hook.dispatcher("canonicalHostName", "(Ljava/net/InetAddress;)" + STRING), THIS),
                "InetAddress.getCanonicalHostName"));
        String system = "java/lang/System";
        t.add(new Target(system, "getenv", "(" + STRING + ")" + STRING,
                Rewrite.answer(Hook.dispatcher("getenv", "(" + STRING + ")" + STRING), 0), "System.getenv"));
        t.add(new Target(system, "getenv", "()Ljava/util/Map;",
                Rewrite.answer(Hook.dispatcher("environment", "()Ljava/util/Map;")), "System.getenv"));
        Rewrite property = Rewrite.answer(Hook.dispatcher("getProperty", "(" + STRING + ")" + STRING), 0);
        t.add(new Target(system, "getProperty", "(" + STRING + ")" + STRING, property, "System.getProperty"));
        t.add(new Target(system, "getProperty", "(" + STRING + STRING + ")" + STRING, property, "System.getProperty"));
        String pb = "java/lang/ProcessBuilder";
        t.add(new Target(pb, "start", "()Ljava/lang/Process;",
                Rewrite.answer(Hook.dispatcher("startProcess", "(Ljava/lang/ProcessBuilder;)Ljava/lang/Process;"),
                        THIS), "ProcessBuilder.start"));
        t.add(new Target(pb, "startPipeline", "(Ljava/util/List;)Ljava/util/List;",
                Rewrite.answer(Hook.dispatcher("startPipeline", "(Ljava/util/List;)Ljava/util/List;"), 0),
                "ProcessBuilder.startPipeline"));
        String thread = "java/lang/Thread";
        // Inheritance: a creator bound by a rule passes its tenant on.
        t.add(new Target(thread, "<init>", null, Rewrite.call(Hook.dispatcher("beforeThreadCreation", "()V")),
                "Thread.<init>"));
        // A namespace thread's children are started from the host; a thread a tenant starts never passes for the host's.
        t.add(new Target(thread, "start", "()V",
                Rewrite.skipIfTrue(Hook.dispatcher("startThread", "(Ljava/lang/Thread;)Z"), THIS), "Thread.start"));
        t.add(new Target(thread, "start", "(Ljdk/internal/vm/ThreadContainer;)V", // JDK 21+ only
                Rewrite.skipIfTrue(Hook.dispatcher("startThread", "(Ljava/lang/Thread;Ljava/lang/Object;)Z"), THIS, 0),
                "Thread.start"));
        t.add(new Target("java/lang/VirtualThread", "start", "(Ljdk/internal/vm/ThreadContainer;)V", // JDK 21+ only
                Rewrite.call(Hook.dispatcher("startVirtualThread", "(Ljava/lang/Thread;)V"), THIS), "Thread.start"));
        // Rules follow a thread's name and loader, but not where a tenant's code changed them.
        t.add(new Target(thread, "setName", "(" + STRING + ")V",
                Rewrite.call(Hook.dispatcher("threadChanging", "(Ljava/lang/Thread;)V"), THIS), "Thread.setName"));
        t.add(new Target(thread, "setContextClassLoader", "(Ljava/lang/ClassLoader;)V",
                Rewrite.call(Hook.dispatcher("loaderChanging", "(Ljava/lang/Thread;)V"), THIS),
                "Thread.setContextClassLoader"));
        return t;
    }

    /** What {@code propagate=on} adds: work handed to the JDK's executors runs as its submitter. */
    static List<Target> propagation() {
        List<Target> t = new ArrayList<>();
        String runnable = "(Ljava/lang/Runnable;)V";
        String tpe = "java/util/concurrent/ThreadPoolExecutor";
        t.add(new Target(tpe, "execute", runnable,
                Rewrite.call(Hook.tasks("captureSubmitted", runnable), 0), "ThreadPoolExecutor.execute"));
        t.add(new Target(tpe, "reject", runnable,
                Rewrite.call(Hook.tasks("forgetRejected", runnable), 0), "ThreadPoolExecutor.reject"));
        t.add(new Target(tpe, "runWorker", "(Ljava/util/concurrent/ThreadPoolExecutor$Worker;)V",
                Rewrite.replaceCalls("java/lang/Runnable", "run", "()V", Hook.tasks("runPooled", runnable)),
                "ThreadPoolExecutor.runWorker"));
        // A FutureTask made for a submission (any AbstractExecutorService's submit/invokeAll/invokeAny,
        // and every schedule of a ScheduledThreadPoolExecutor) gets a task that carries the submitter.
        String aes = "java/util/concurrent/AbstractExecutorService";
        Hook callable = Hook.tasks("wrapCallable", "(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/Callable;");
        Hook runnableHook = Hook.tasks("wrapRunnable", "(Ljava/lang/Runnable;)Ljava/lang/Runnable;");
        t.add(new Target(aes, "newTaskFor", "(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/RunnableFuture;",
                Rewrite.filterArgument(0, callable), "AbstractExecutorService.newTaskFor"));
        t.add(new Target(aes, "newTaskFor", "(Ljava/lang/Runnable;Ljava/lang/Object;)Ljava/util/concurrent/RunnableFuture;",
                Rewrite.filterArgument(0, runnableHook), "AbstractExecutorService.newTaskFor"));
        String stpe = "java/util/concurrent/ScheduledThreadPoolExecutor";
        String unit = "Ljava/util/concurrent/TimeUnit;)Ljava/util/concurrent/ScheduledFuture;";
        t.add(new Target(stpe, "schedule", "(Ljava/lang/Runnable;J" + unit, Rewrite.filterArgument(0, runnableHook),
                "ScheduledThreadPoolExecutor.schedule"));
        t.add(new Target(stpe, "schedule", "(Ljava/util/concurrent/Callable;J" + unit, Rewrite.filterArgument(0, callable),
                "ScheduledThreadPoolExecutor.schedule"));
        t.add(new Target(stpe, "scheduleAtFixedRate", "(Ljava/lang/Runnable;JJ" + unit,
                Rewrite.filterArgument(0, runnableHook), "ScheduledThreadPoolExecutor.scheduleAtFixedRate"));
        t.add(new Target(stpe, "scheduleWithFixedDelay", "(Ljava/lang/Runnable;JJ" + unit,
                Rewrite.filterArgument(0, runnableHook), "ScheduledThreadPoolExecutor.scheduleWithFixedDelay"));
        // Every ForkJoinTask (parallel streams' tasks, CompletableFuture's stages, a pool's adapters) runs as its maker.
        String fjt = "java/util/concurrent/ForkJoinTask";
        t.add(new Target(fjt, "<init>", "()V",
                Rewrite.beforeReturn(Hook.tasks("captureNew", "(Ljava/lang/Object;)V")), "ForkJoinTask.<init>"));
        t.add(new Target(fjt, "doExec", null, Rewrite.replaceCalls(fjt, "exec", "()Z",
                new Hook(Hook.CONCURRENT, "exec", "(Ljava/util/concurrent/ForkJoinTask;)Z")), "ForkJoinTask.doExec"));
        String cf = "java/util/concurrent/CompletableFuture";
        Rewrite fire = Rewrite.replaceCalls(cf + "$", "tryFire", "(I)L" + cf + ";", new Hook(Hook.CONCURRENT,
                "tryFire", "(L" + cf + "$Completion;I)L" + cf + ";"));
        t.add(new Target(cf, "postComplete", "()V", fire, "CompletableFuture.postComplete"));
        t.add(new Target(cf + "$Completion", "run", "()V", fire, "CompletableFuture.Completion.run"));
        t.add(new Target(cf + "$Completion", "exec", "()Z", fire, "CompletableFuture.Completion.exec"));
        t.add(new Target("java/util/Timer", "sched", "(Ljava/util/TimerTask;JJ)V",
                Rewrite.call(Hook.tasks("captureScheduled", "(Ljava/lang/Object;)V"), 0), "Timer.sched"));
        t.add(new Target("java/util/TimerThread", "mainLoop", "()V",
                Rewrite.replaceCalls("java/util/TimerTask", "run", "()V", Hook.tasks("runScheduled", runnable)),
                "TimerThread.mainLoop"));
        return t;
    }
}
