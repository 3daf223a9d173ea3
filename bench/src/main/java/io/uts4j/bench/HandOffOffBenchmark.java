package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** No agent: what a hand-off costs on its own. */
@Fork(value = 2)
public class HandOffOffBenchmark extends HandOffBenchmark {}
