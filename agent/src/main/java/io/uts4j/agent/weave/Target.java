package io.uts4j.agent.weave;

/**
 * One JDK method uts4j weaves, and how.
 *
 * @param owner      the class's internal name, e.g. {@code java/net/InetAddress}
 * @param name       the method's name ({@code <init>} for constructors)
 * @param descriptor its descriptor, or null for every method of that name (every constructor)
 * @param rewrite    what is woven into it
 * @param shown      how the start-up line and JMX name it, e.g. {@code InetAddress.getLocalHost}
 */
record Target(String owner, String name, String descriptor, Rewrite rewrite, String shown) {
    boolean matches(String methodName, String methodDescriptor) {
        return name.equals(methodName) && (descriptor == null || descriptor.equals(methodDescriptor));
    }

    String className() {
        return owner.replace('/', '.');
    }
}
