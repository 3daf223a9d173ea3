package io.uts4j.agent.weave;

/** A static method of uts4j's bootstrap that woven code calls, by its JVM name and descriptor. */
record Hook(String owner, String name, String descriptor) {
    static final String DISPATCHER = "jdk/internal/misc/Uts4jDispatcher";
    static final String TASKS = "jdk/internal/misc/Uts4jTasks";
    static final String CONCURRENT = "java/util/concurrent/Uts4jConcurrent";

    static Hook dispatcher(String name, String descriptor) {
        return new Hook(DISPATCHER, name, descriptor);
    }

    static Hook tasks(String name, String descriptor) {
        return new Hook(TASKS, name, descriptor);
    }
}
