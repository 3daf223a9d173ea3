package io.uts4j.bench.probe;

import io.uts4j.Uts4j;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Prints the heap in use once the JVM is up and collected, and how many tenants the agent holds:
 * run once with a configuration of many idle tenants and once with none, the difference divided by
 * the count is what an idle tenant holds ({@code bench/report.sh}). Host code, so it may ask for
 * the capability; it binds no thread, so every tenant stays idle.
 */
public final class HeapAfterStart {
    public static void main(String[] args) {
        int tenants = Uts4j.isAttached() ? Uts4j.control().tenants().size() : 0;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several collections, keeping the least: what survives them is what is held.
        for (int i = 0; i < 5; i++) {
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        System.out.println("tenants=" + tenants + " heapUsed=" + used);
    }
}
