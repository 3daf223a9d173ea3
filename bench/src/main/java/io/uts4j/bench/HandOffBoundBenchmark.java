package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** The agent, the submitter bound to a tenant by its name: every task carries the tenant and runs as it. */
@Fork(value = 2, jvmArgsAppend = {IdentityCallsBenchmark.AGENT_BOUND, IdentityCallsBenchmark.EXPECT_BOUND})
public class HandOffBoundBenchmark extends HandOffBenchmark {}
