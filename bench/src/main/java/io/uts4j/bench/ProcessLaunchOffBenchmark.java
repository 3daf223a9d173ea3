package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** No agent: what launching a process costs on its own. */
@Fork(value = 1)
public class ProcessLaunchOffBenchmark extends ProcessLaunchBenchmark {}
