package io.uts4j.it.apps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several threads of each tenant and unbound threads hand work to the same pools at once, round
 * after round; every task's answer is compared with what its submitter sees itself. Prints
 * {@code @stress\tsubmitters=..\tidentities=..\thandOffs=..\twrong=..} and the first wrong answers.
 * Arguments: rounds, threads per identity.
 */
public final class HandOffStress {
    private static final long T = SharedPools.TIMEOUT_SECONDS;

    public static void main(String[] args) throws Exception {
        Host.control();
        int rounds = Integer.parseInt(args[0]);
        int perIdentity = Integer.parseInt(args[1]);
        SharedPools pools = new SharedPools();
        AtomicLong handOffs = new AtomicLong();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        List<String> identities = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> submitters = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (String prefix : new String[] {"alpha-", "beta-", "plain-"}) {
            for (int i = 0; i < perIdentity; i++) {
                submitters.add(new Thread(() -> {
                    try {
                        String own = Seen.now().identity();
                        identities.add(own);
                        start.await();
                        for (int r = 0; r < rounds; r++) {
                            for (String seen : round(pools)) {
                                handOffs.incrementAndGet();
                                if (!seen.equals(own) && wrong.size() < 1000) {
                                    wrong.add(Thread.currentThread().getName() + " (" + own + ") got " + seen);
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, prefix + i));
            }
        }
        submitters.forEach(Thread::start);
        start.countDown();
        for (Thread t : submitters) t.join(TimeUnit.SECONDS.toMillis(4 * T));
        for (Thread t : submitters) if (t.isAlive()) failures.add(new IllegalStateException(t.getName() + " is still running"));
        pools.shutdown();
        Report.print("stress", Map.of("submitters", String.valueOf(submitters.size()),
                "identities", String.valueOf(identities.stream().distinct().count()),
                "handOffs", String.valueOf(handOffs.get()), "wrong", String.valueOf(wrong.size()),
                "failures", String.valueOf(failures.size())));
        wrong.stream().limit(20).forEach(System.out::println);
        failures.forEach(Throwable::printStackTrace);
    }

    /** One round of hand-offs to every shared pool at once; returns what each task saw. */
    private static List<String> round(SharedPools p) throws Exception {
        Callable<String> seen = () -> Seen.now().identity();
        List<Future<String>> single = new ArrayList<>();
        single.add(p.fixed.submit(seen));
        single.add(p.scheduled.schedule(seen, 0, TimeUnit.MILLISECONDS));
        single.add(p.forkJoin.submit(seen));
        single.add(ForkJoinPool.commonPool().submit(seen));
        single.add(CompletableFuture.supplyAsync(HandOffStress::identity));
        single.add(CompletableFuture.supplyAsync(HandOffStress::identity, p.fixed)
                .thenApplyAsync(before -> same(before, identity()), p.cached));
        single.add(CompletableFuture.supplyAsync(HandOffStress::identity).thenApplyAsync(before -> same(before, identity())));
        CompletableFuture<String> executed = new CompletableFuture<>();
        p.cached.execute(() -> executed.complete(identity()));
        single.add(executed);
        CompletableFuture<String> previous = new CompletableFuture<>();
        single.add(previous.thenApply(x -> identity()));
        p.completer.run(() -> previous.complete("done"));
        CompletableFuture<String> timed = new CompletableFuture<>();
        p.timer.schedule(new TimerTask() {
            @Override
            public void run() {
                timed.complete(identity());
            }
        }, 0);
        single.add(timed);
        Future<List<String>> forked = ForkJoinPool.commonPool().submit(new Leaves(8));
        Future<List<String>> streamed = p.forkJoin.submit(() -> stream(32));

        List<String> all = new ArrayList<>(stream(32)); // on the caller and the common pool's workers
        for (Future<String> f : single) all.add(f.get(T, TimeUnit.SECONDS));
        all.addAll(forked.get(T, TimeUnit.SECONDS));
        all.addAll(streamed.get(T, TimeUnit.SECONDS));
        return all;
    }

    private static String identity() {
        return Seen.now().identity();
    }

    /** A chained stage's answer: its own, unless the stage before it already saw something else. */
    private static String same(String before, String now) {
        return before.equals(now) ? now : before + " then " + now;
    }

    private static List<String> stream(int elements) {
        return IntStream.range(0, elements).parallel().mapToObj(i -> identity()).collect(Collectors.toList());
    }

    private static final class Leaves extends RecursiveTask<List<String>> {
        private final int n;

        Leaves(int n) {
            this.n = n;
        }

        @Override
        protected List<String> compute() {
            if (n == 1) return List.of(identity());
            Leaves right = new Leaves(n / 2);
            right.fork();
            List<String> all = new ArrayList<>(new Leaves(n - n / 2).compute());
            all.addAll(right.join());
            return all;
        }
    }
}
