package io.uts4j;

/**
 * Decides a thread's tenant the way a server integration knows best. Name the implementing class
 * with the agent setting {@code resolver=<class>}; it is loaded from the application class path and
 * needs a public no-argument constructor. It is configured by the operator, and so trusted: it may
 * bind any thread to any tenant.
 *
 * <p>It is consulted when a thread's name or context class loader changes, not on every call, and
 * its answer is cached for the thread until then; it ranks below API scopes and work handed over
 * from another thread, and above the agent's own rules. It must be quick and must not block. While
 * it runs, the thread sees the host.
 */
public interface TenantResolver {
    /**
     * @param thread             the calling thread (the one being resolved)
     * @param contextClassLoader its context class loader, or null
     * @return the id of the thread's tenant, or null to let the agent's own rules decide
     */
    String tenantOf(Thread thread, ClassLoader contextClassLoader);
}
