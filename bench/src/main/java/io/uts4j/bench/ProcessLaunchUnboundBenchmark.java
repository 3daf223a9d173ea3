package io.uts4j.bench;

import org.openjdk.jmh.annotations.Fork;

/** The agent with a namespace tenant whose thread rule misses the worker: a host thread's launch. */
@Fork(value = 1, jvmArgsAppend = KernelTenant.AGENT_UNBOUND)
public class ProcessLaunchUnboundBenchmark extends ProcessLaunchBenchmark {}
