package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** The agent, the submitter bound to no tenant: what every host thread's hand-off pays. */
@Fork(value = 2, jvmArgsAppend = IdentityCallsBenchmark.AGENT_UNBOUND)
public class HandOffUnboundBenchmark extends HandOffBenchmark {}
