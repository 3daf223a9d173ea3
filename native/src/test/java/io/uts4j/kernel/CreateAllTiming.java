package io.uts4j.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: times {@link UtsNamespace#createAll} in a fresh JVM, the way an agent meets it at
 * start-up (JNA loaded, nothing compiled yet). Timing belongs outside the test suite; run as root:
 *
 * <pre>java -cp native/target/classes:native/target/test-classes:$JNA_JAR io.uts4j.kernel.CreateAllTiming 10000 [one-by-one]</pre>
 *
 * Prints wall time and the CPU time of the whole process (JIT threads included), which a busy
 * machine inflates less than wall time. With {@code one-by-one}, times {@link UtsNamespace#create}
 * called for each name instead.
 */
public final class CreateAllTiming {

    private CreateAllTiming() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        boolean oneByOne = args.length > 1 && args[1].equals("one-by-one");
        List<InitialNames> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(new InitialNames("tenant-" + i, i % 2 == 0 ? null : "dom-" + i));
        }
        UtsNamespace.currentThreadNames(); // loads JNA and libc, which the agent's probe does anyway
        long cpu = processCpuMillis();
        long start = System.nanoTime();
        List<UtsNamespace> made;
        if (oneByOne) {
            made = new ArrayList<>(n);
            for (InitialNames name : names) {
                made.add(UtsNamespace.create(name.hostname(), name.domainname()));
            }
        } else {
            made = UtsNamespace.createAll(names);
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        cpu = processCpuMillis() - cpu;
        made.forEach(UtsNamespace::close);
        System.out.printf("%s(%d): %d ms wall, %d ms CPU (process), %d cores%n", oneByOne ? "create one by one" : "createAll",
                n, wallMillis, cpu, Runtime.getRuntime().availableProcessors());
    }

    /** utime + stime of this process from /proc/self/stat, in clock ticks of 10 ms. */
    private static long processCpuMillis() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
