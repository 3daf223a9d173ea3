package io.uts4j.it.apps;

import io.uts4j.TenantScope;
import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
import io.uts4j.it.apps.StressObserver.Expected;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A bounded stress of everything at once. Platform threads of tenants alpha and beta (bound by
 * name) and of the host; virtual threads (JDK 21+) of alpha (inherited), of the host, and of gamma
 * (a host control scope); threads renamed by host code (they move) and by tenant code (they stay);
 * tenant delta added and removed by the host every 5 ms while its threads work; process launches;
 * API scopes of a thread's own tenant and the host's control scopes; tasks handed to a shared pool,
 * the common pool and CompletableFuture. Every answer is compared with what its thread must see.
 * Then the descriptors and threads must be back where they were after a warm-up round.
 * Arguments: seconds, host hostname, virtual threads too (true|false).
 */
public final class StressCheck {
    private static final int PLATFORM_PER_IDENTITY = 2;
    private static final int VIRTUAL_PER_IDENTITY = 20;
    private static final int LAUNCH_EVERY = 25;   // rounds between two launches of one thread
    private static final int RENAME_EVERY = 10;   // rounds between two renames
    /** The tenants' launch lanes are pools of at most 2 threads (60 s idle): they may stay grown. */
    private static final Map<String, Integer> LANES = Map.of("uts4j-ns-alpha-launch-#", 2,
            "uts4j-ns-beta-launch-#", 2, "uts4j-ns-gamma-launch-#", 2);

    private final Uts4jControl control = Host.control();
    private final StressObserver o;
    private final boolean virtual;
    private final ReadWriteLock deltaLock = new ReentrantReadWriteLock();
    private boolean deltaPresent; // guarded by deltaLock
    private final LongAdder renames = new LongAdder();
    private final LongAdder deltaCycles = new LongAdder();
    private long deadline;

    private StressCheck(String host, boolean virtual) {
        String os = System.getProperty("os.name");
        this.o = new StressObserver(host, Map.of(
                "alpha", new Expected("alpha", "alpha", "alpha", "alpha-os"),
                "beta", new Expected("beta", "beta", "beta", os),
                "gamma", new Expected("gamma", "gamma", "gamma", os),
                "delta", new Expected("delta", "delta-1", "delta-1", os)));
        this.virtual = virtual;
    }

    public static void main(String[] args) throws Exception {
        StressCheck s = new StressCheck(args[1], Boolean.parseBoolean(args[2]));
        ServerPool.start();
        s.run(0); // one round of everything: what a leak would be measured against exists now
        Resources before = Resources.settle(Resources.now(), 5);
        long observedBefore = s.o.observations.sum();
        long wrongBefore = s.o.wrong.sum();
        List<Thread> hung = s.run(TimeUnit.SECONDS.toNanos(Long.parseLong(args[0])));
        Resources after = Resources.settle(before, LANES, 20);

        Map<String, String> m = new TreeMap<>(Resources.compare(before, after, LANES));
        m.put("seconds", args[0]);
        m.put("observations", String.valueOf(s.o.observations.sum() - observedBefore));
        m.put("wrong", String.valueOf(s.o.wrong.sum() - wrongBefore));
        m.put("wrong.warmUp", String.valueOf(wrongBefore));
        m.put("launches", String.valueOf(s.o.launches.sum()));
        m.put("renames", String.valueOf(s.renames.sum()));
        m.put("deltaCycles", String.valueOf(s.deltaCycles.sum()));
        m.put("virtual", String.valueOf(s.virtual));
        m.put("hung", String.valueOf(hung.size()));
        m.put("tenants", String.join(",", s.control.tenants()));
        Report.print("stress", m);
        s.o.firstWrong().forEach(w -> System.out.println("wrong: " + w));
        for (Thread t : hung) System.out.println("hung: " + t + " at " + java.util.Arrays.toString(t.getStackTrace()));
        boolean ok = hung.isEmpty() && s.o.wrong.sum() == 0 && after.backTo(before, LANES);
        System.exit(ok ? 0 : 1);
    }

    /** Runs every worker for {@code nanos} (at least one round each); returns the threads that did not end. */
    private List<Thread> run(long nanos) throws Exception {
        deadline = System.nanoTime() + nanos;
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= PLATFORM_PER_IDENTITY; i++) {
            for (String name : new String[] {"alpha-" + i, "beta-" + i, "host-" + i, "delta-" + i}) {
                threads.add(new Thread(() -> loop(name.startsWith("delta") ? this::deltaRound : this::boundRound), name));
            }
        }
        threads.add(new Thread(() -> loop(this::hostScopesRound), "host-scopes"));
        threads.add(new Thread(() -> loop(this::hostRenameRound), "alpha-r1"));
        threads.add(new Thread(() -> loop(this::tenantRenameRound), "beta-f1"));
        threads.add(new Thread(this::churnDelta, "host-churn"));
        if (virtual) threads.addAll(virtualThreads());
        for (Thread t : threads) {
            if (t.getState() == Thread.State.NEW) t.start();
        }
        long joinBy = deadline + TimeUnit.SECONDS.toNanos(60);
        List<Thread> hung = new ArrayList<>();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinBy - System.nanoTime())));
            if (t.isAlive()) hung.add(t);
        }
        return hung;
    }

    private interface Round {
        void run(int i) throws Exception;
    }

    private void loop(Round round) {
        int i = 0;
        do {
            try {
                round.run(i++);
            } catch (Exception | AssertionError e) {
                o.failed("a round", e);
            }
        } while (System.nanoTime() < deadline);
    }

    /** A thread bound by its name (or by nothing: the host): its answers, its scope, its tasks, its children. */
    private void boundRound(int i) throws Exception {
        Expected e = o.byName(Thread.currentThread().getName());
        o.check(e, "own");
        if (e != o.host) {
            try (TenantScope s = Uts4j.enter(e.who())) {
                o.check(e, "own scope");
            }
        }
        handOff(e, i);
        if (i % LAUNCH_EVERY == 0) o.launch(e, "own");
    }

    /** Tasks handed to other threads run as their submitter. */
    private void handOff(Expected e, int i) throws Exception {
        switch (i % 3) {
            case 0 -> ServerPool.EXECUTOR.submit(() -> o.check(e, "pool.submit")).get(30, TimeUnit.SECONDS);
            case 1 -> CompletableFuture.runAsync(() -> o.check(e, "completableFuture"), ServerPool.EXECUTOR)
                    .get(30, TimeUnit.SECONDS);
            default -> ForkJoinPool.commonPool().submit(() -> o.check(e, "commonPool")).get(30, TimeUnit.SECONDS);
        }
    }

    /** A host thread in the host's control scopes of each tenant, and of the host. */
    private void hostScopesRound(int i) throws Exception {
        for (String id : new String[] {"alpha", "beta", "gamma", null}) {
            Expected e = id == null ? o.host : o.tenant(id);
            try (TenantScope s = id == null ? control.enterHost() : control.enter(id)) {
                o.check(e, "control scope");
                handOff(e, i);
                if (i % LAUNCH_EVERY == 0) o.launch(e, "control scope");
            }
        }
    }

    /** Renamed by host code (in a host scope), the thread moves to the tenant its new name binds it to. */
    private void hostRenameRound(int i) throws Exception {
        if (i % RENAME_EVERY == 0) {
            String name = Thread.currentThread().getName();
            try (TenantScope h = control.enterHost()) {
                Thread.currentThread().setName(name.startsWith("alpha") ? "beta-r1" : "alpha-r1");
            }
            renames.increment();
        }
        boundRound(i);
    }

    /** Renamed by tenant code, the thread stays its tenant's (beta), whatever its name says. */
    private void tenantRenameRound(int i) throws Exception {
        if (i % RENAME_EVERY == 0) {
            String name = Thread.currentThread().getName();
            Thread.currentThread().setName(name.startsWith("beta") ? "alpha-f1" : "beta-f1");
            renames.increment();
        }
        Expected beta = o.tenant("beta");
        o.check(beta, "renamed by tenant code to " + Thread.currentThread().getName());
        handOff(beta, i);
        if (i % LAUNCH_EVERY == 0) o.launch(beta, "renamed by tenant code");
    }

    /** A thread of tenant delta, which the host adds and removes: delta's while it exists, else the host's. */
    private void deltaRound(int i) throws Exception {
        deltaLock.readLock().lock();
        try {
            Expected e = deltaPresent ? o.tenant("delta") : o.host;
            o.check(e, "delta " + (deltaPresent ? "present" : "absent"));
            handOff(e, i);
            if (i % LAUNCH_EVERY == 0) o.launch(e, "delta");
        } finally {
            deltaLock.readLock().unlock();
        }
    }

    private void churnDelta() {
        do {
            try {
                changeDelta(true);
                Thread.sleep(5);
                changeDelta(false);
                Thread.sleep(5);
                deltaCycles.increment();
            } catch (Exception e) {
                o.failed("adding or removing delta", e);
                return;
            }
        } while (System.nanoTime() < deadline);
    }

    private void changeDelta(boolean add) {
        deltaLock.writeLock().lock();
        try {
            if (add) {
                control.addTenant("delta", Map.of("hostname", "delta-1", "threads", "delta-.*"));
            } else {
                control.removeTenant("delta");
            }
            deltaPresent = add;
        } finally {
            deltaLock.writeLock().unlock();
        }
    }

    /** Virtual threads of alpha (started by an alpha thread: they inherit it), of the host, and of gamma (a control scope). */
    private List<Thread> virtualThreads() throws Exception {
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        Method unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
        Object builder = ofVirtual.invoke(null);
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < VIRTUAL_PER_IDENTITY; i++) {
            all.add((Thread) unstarted.invoke(builder, (Runnable) () -> loop(n -> virtualRound(o.host, n))));
            all.add((Thread) unstarted.invoke(builder, (Runnable) () -> {
                try (TenantScope s = control.enter("gamma")) {
                    loop(n -> virtualRound(o.tenant("gamma"), n));
                }
            }));
        }
        List<Thread> alphas = new ArrayList<>();
        Report.onThread("alpha-starter", () -> { // made and started by an alpha thread: they inherit alpha
            try {
                for (int i = 0; i < VIRTUAL_PER_IDENTITY; i++) {
                    Thread t = (Thread) unstarted.invoke(builder, (Runnable) () -> loop(n -> virtualRound(o.tenant("alpha"), n)));
                    t.start();
                    alphas.add(t);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        all.addAll(alphas);
        return all;
    }

    private void virtualRound(Expected e, int i) throws Exception {
        o.check(e, "virtual");
        Thread.yield(); // unmounts: the next check may run on another carrier
        o.check(e, "virtual after yield");
        if (i % 5 == 0) handOff(e, i);
        if (i % (LAUNCH_EVERY * 4) == 0) o.launch(e, "virtual");
    }
}
