package io.uts4j.agent;

/** Why the agent did not start: one line, with the exit status a JVM start ends with (0: go on without it). */
final class Failure extends Exception {
    final int status;

    Failure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
