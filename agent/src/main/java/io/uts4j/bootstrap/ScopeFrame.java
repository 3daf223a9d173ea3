package io.uts4j.bootstrap;

/**
 * One open scope on one thread's stack of scopes. Closing a frame also closes every frame opened
 * after it on the same thread, so a forgotten inner scope can never outlive its outer one.
 */
public final class ScopeFrame implements AutoCloseable {
    final Tenant tenant; // null: explicitly the host
    private final ScopeFrame previous;
    private final Thread owner;
    private final ThreadBinding binding;
    private boolean closed;

    private ScopeFrame(Tenant tenant, ScopeFrame previous, Thread owner, ThreadBinding binding) {
        this.tenant = tenant;
        this.previous = previous;
        this.owner = owner;
        this.binding = binding;
    }

    /** Opens a scope on the calling thread; {@code tenant} null binds the thread to the host. */
    public static ScopeFrame open(Tenant tenant) {
        ThreadBinding b = ThreadBinding.ofCurrentThread();
        ScopeFrame f = new ScopeFrame(tenant, b.top, Thread.currentThread(), b);
        b.top = f;
        return f;
    }

    public Tenant tenant() { return tenant; }

    @Override
    public void close() {
        if (closed) return;
        if (Thread.currentThread() != owner) {
            Counters.DENIED_REBINDS.increment();
            throw new IllegalStateException("a tenant scope must be closed by the thread that opened it ("
                    + owner + "), not by " + Thread.currentThread());
        }
        for (ScopeFrame f = binding.top; f != null && f != previous; f = f.previous) f.closed = true;
        binding.top = previous;
    }
}
