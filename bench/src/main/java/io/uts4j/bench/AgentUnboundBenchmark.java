package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** The agent with a tenant whose thread rule does not match the worker: the cost every host thread pays. */
@Fork(value = 2, jvmArgsAppend = AgentUnboundBenchmark.AGENT_UNBOUND)
public class AgentUnboundBenchmark extends IdentityCallsBenchmark {}
