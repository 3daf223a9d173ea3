package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** No agent: what the JDK calls cost on their own. */
@Fork(value = 2)
public class AgentOffBenchmark extends IdentityCallsBenchmark {}
