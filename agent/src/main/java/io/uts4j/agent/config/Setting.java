package io.uts4j.agent.config;

/** One {@code key=value} as given, with where it came from for error messages. */
record Setting(String key, String value, String origin) {}
