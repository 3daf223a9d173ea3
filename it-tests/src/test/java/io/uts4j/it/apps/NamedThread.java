package io.uts4j.it.apps;

import java.net.InetAddress;

/** Starts a thread with the name given and prints what it sees: a rule is matched as it is created. */
public final class NamedThread {
    public static void main(String[] args) throws Exception {
        Report.onThread(args[0], () -> System.out.println("seen " + Report.get(() -> InetAddress.getLocalHost().getHostName())));
    }
}
