package io.uts4j.link;

/**
 * Where every copy of the uts4j API, in whatever class loader, finds the agent: the agent defines
 * this class in the bootstrap class loader and puts its bridge here. The API trusts a bridge only
 * if its class is the agent's own, defined inside {@code java.base}, where no application code can
 * define one.
 */
public final class AgentLink {
    private static volatile Object bridge; // set by the agent, through a private lookup

    private AgentLink() {}

    /** The agent's bridge, or null before the agent has started. */
    public static Object bridge() {
        return bridge;
    }
}
