package io.uts4j.launch;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * Finds the agent jar this class was loaded from, and calls into its isolated part. It keeps no
 * reference to the isolated loader it makes: this class is on the class path, whose unnamed module
 * is open to deep reflection from any code, and that loader's classes are the only ones outside
 * java.base that the bootstrap's packages are exported to. A loader made afresh is exported nothing.
 */
final class AgentJar {
    private static JarFile jar;

    private AgentJar() {}

    static URL location() {
        return AgentJar.class.getProtectionDomain().getCodeSource().getLocation();
    }

    static synchronized ClassLoader isolatedLoader() throws Exception {
        if (jar == null) jar = new JarFile(new File(location().toURI()), false);
        if (jar.getEntry(IsolatedClassLoader.PREFIX + "io/uts4j/agent/Agent.classdata") == null) {
            throw new IllegalStateException("the uts4j launcher was loaded from " + location()
                    + ", which is not the built agent jar (uts4j-agent.jar); remove it from the class path");
        }
        return new IsolatedClassLoader(jar, location());
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
