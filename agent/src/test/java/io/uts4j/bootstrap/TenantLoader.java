package io.uts4j.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** A web application's loader in miniature: it defines its own copy of {@link TenantCode}, and delegates the rest. */
final class TenantLoader extends ClassLoader {
    TenantLoader(String name) {
        super(name, TenantLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(TenantCode.class.getName())) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c != null) return c;
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    /** Code of this loader's tenant: runs its body with a frame of a class of this loader on the stack. */
    @SuppressWarnings("unchecked")
    Consumer<Runnable> code() throws ReflectiveOperationException {
        Class<?> c = loadClass(TenantCode.class.getName());
        if (c.getClassLoader() != this) throw new IllegalStateException(c + " was not defined by " + this);
        return (Consumer<Runnable>) c.getConstructor().newInstance();
    }
}
