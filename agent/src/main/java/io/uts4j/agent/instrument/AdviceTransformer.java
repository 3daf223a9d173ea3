package io.uts4j.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the bytes of the few target JDK classes, matched by exact internal name (every other class
 * costs one map lookup), to the woven-class cache or, on a miss, to the weaver. A failure is
 * recorded and the class left as it was.
 */
final class AdviceTransformer implements ClassFileTransformer {
    private final Map<String, List<Instrumented.Target>> byInternalName;
    private final WovenClassCache cache; // null: no caching
    private final ClassLoader adviceLoader;
    private AdviceWeaver weaver; // made on the first cache miss: it loads Byte Buddy
    final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    final AtomicInteger fromCache = new AtomicInteger();
    final AtomicInteger woven = new AtomicInteger();

    AdviceTransformer(Map<String, List<Instrumented.Target>> byInternalName, WovenClassCache cache,
                      ClassLoader adviceLoader) {
        this.byInternalName = byInternalName;
        this.cache = cache;
        this.adviceLoader = adviceLoader;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        // Every target is a bootstrap class, loaded before this transformer is registered.
        if (loader != null || className == null || redefined == null) return null;
        List<Instrumented.Target> targets = byInternalName.get(className);
        if (targets == null) return null;
        String name = redefined.getName();
        try {
            byte[] cached = cache == null ? null : cache.get(name, bytes);
            if (cached != null) {
                fromCache.incrementAndGet();
                return cached;
            }
            byte[] result = weaver().weave(redefined, bytes, targets);
            woven.incrementAndGet();
            if (cache != null) cache.put(name, bytes, result);
            return result;
        } catch (Throwable e) {
            failures.put(name, e);
            return null;
        }
    }

    private synchronized AdviceWeaver weaver() {
        if (weaver == null) weaver = new AdviceWeaver(adviceLoader);
        return weaver;
    }
}
