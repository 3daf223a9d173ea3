package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** The agent with a namespace tenant whose thread rule matches the worker: the launch goes through the tenant's namespace. */
@Fork(value = 1, jvmArgsAppend = {KernelTenant.AGENT_BOUND, KernelTenant.EXPECT_BOUND})
public class ProcessLaunchBoundBenchmark extends ProcessLaunchBenchmark {}
