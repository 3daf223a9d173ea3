package io.uts4j.it.apps;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's code, loaded by a class loader of its own (LoaderReleaseCheck): says which hostname
 * the JDK and a child process give it. Uses nothing but the JDK, as that loader sees nothing else.
 */
public final class TenantLoaderTask implements Callable<String> {
    @Override
    public String call() throws Exception {
        Process p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
        String child = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(30, TimeUnit.SECONDS);
        return InetAddress.getLocalHost().getHostName() + "/" + child;
    }
}
