package io.uts4j.kernel;

/** Names of the CLONE_NEW* constants that {@code ioctl(NS_GET_NSTYPE)} returns, for messages. */
final class NamespaceTypes {

    private NamespaceTypes() {
    }

    static String describe(int type) {
        switch (type) {
            case 0x00000080:
                return "a time namespace (CLONE_NEWTIME)";
            case 0x00020000:
                return "a mount namespace (CLONE_NEWNS)";
            case 0x02000000:
                return "a cgroup namespace (CLONE_NEWCGROUP)";
            case LinuxLibc.CLONE_NEWUTS:
                return "a UTS namespace (CLONE_NEWUTS)";
            case 0x08000000:
                return "an IPC namespace (CLONE_NEWIPC)";
            case 0x10000000:
                return "a user namespace (CLONE_NEWUSER)";
            case 0x20000000:
                return "a PID namespace (CLONE_NEWPID)";
            case 0x40000000:
                return "a network namespace (CLONE_NEWNET)";
            default:
                return "a namespace of unknown type 0x" + Integer.toHexString(type);
        }
    }
}
