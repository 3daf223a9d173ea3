package io.uts4j.launch;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.jar.JarFile;

/** Finds the agent jar this class was loaded from, and calls into its isolated part. */
final class AgentJar {
    private static JarFile jar;
    private static ClassLoader isolated;

    private AgentJar() {}

    static URL location() {
        return AgentJar.class.getProtectionDomain().getCodeSource().getLocation();
    }

    static synchronized ClassLoader isolatedLoader() throws Exception {
        if (isolated == null) {
            if (jar == null) jar = new JarFile(new File(location().toURI()), false);
            if (jar.getEntry(IsolatedClassLoader.PREFIX + "io/uts4j/agent/Agent.classdata") == null) {
                throw new IllegalStateException("the uts4j launcher was loaded from " + location()
                        + ", which is not the built agent jar (uts4j-agent.jar); remove it from the class path");
            }
            isolated = new IsolatedClassLoader(jar, location());
        }
        return isolated;
    }

    /** Calls a static method of an isolated class, unwrapping what it throws. */
    static Object invoke(String className, String method, Class<?>[] types, Object... args) throws Throwable {
        Class<?> c = Class.forName(className, true, isolatedLoader());
        Method m = c.getMethod(method, types);
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
