package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** The agent with a tenant whose thread rule matches the worker: calls answer with the tenant's identity. */
@Fork(value = 2, jvmArgsAppend = {AgentBoundBenchmark.AGENT_BOUND, AgentBoundBenchmark.EXPECT_BOUND})
public class AgentBoundBenchmark extends IdentityCallsBenchmark {}
