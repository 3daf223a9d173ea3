package io.uts4j.kernel;

/**
 * A file descriptor that several threads may use while one of them closes it. The descriptor is
 * closed only when the last user releases it, so that no thread ever passes a closed number to
 * the kernel — where it might by then name some unrelated, newly opened file.
 */
final class SharedFd {

    private final int fd;
    private final String description;
    private int users;
    private boolean closed;

    /** @param description what the descriptor is, for messages, e.g. {@code uts:[4026532301]} */
    SharedFd(int fd, String description) {
        this.fd = fd;
        this.description = description;
    }

    /**
     * @return the descriptor, valid until the matching {@link #release()}
     * @throws IllegalStateException if {@link #close()} has been called
     */
    synchronized int acquire() {
        if (closed) {
            throw new IllegalStateException("the UTS namespace handle " + description + " is closed");
        }
        users++;
        return fd;
    }

    void release() {
        boolean last;
        synchronized (this) {
            last = --users == 0 && closed;
        }
        if (last) {
            Syscalls.close(fd);
        }
    }

    /** Closes now, or as soon as the last user releases; later calls do nothing. */
    void close() {
        boolean now;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            now = users == 0;
        }
        if (now) {
            Syscalls.close(fd);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
