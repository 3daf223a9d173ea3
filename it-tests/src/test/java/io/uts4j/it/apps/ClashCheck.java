package io.uts4j.it.apps;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.objectweb.asm.ClassReader;

/** An application with its own Byte Buddy, ASM and JNA, of other versions than the agent's. */
public final class ClashCheck {
    public interface CLib extends Library {
        int getpid();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        Class<?> generated = new ByteBuddy().subclass(Object.class).name("app.Generated")
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app's Byte Buddy"))
                .make().load(ClashCheck.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
        m.put("bytebuddy.result", generated.getDeclaredConstructor().newInstance().toString());
        m.put("bytebuddy.from", where(ByteBuddy.class));
        m.put("asm.from", where(ClassReader.class));
        m.put("asm.className", new ClassReader(ClashCheck.class.getName()).getClassName());
        m.put("jna.from", where(Native.class));
        m.put("jna.version", Native.VERSION);
        m.put("jna.getpid", String.valueOf(Native.load("c", CLib.class).getpid() == ProcessHandle.current().pid()));
        Report.onThread("alpha-1", () -> {
            try {
                m.put("alpha.localHost", InetAddress.getLocalHost().getHostName());
            } catch (Exception e) {
                m.put("alpha.localHost", "ERR:" + e);
            }
        });
        Report.print("app", m);
    }

    private static String where(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation().getPath();
    }
}
