package io.uts4j.it;

import io.uts4j.it.webapp.AttemptsServlet;
import io.uts4j.it.webapp.HandOffServlet;
import io.uts4j.it.webapp.IdentityServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Web applications laid out on disk as a servlet container deploys them: the servlets' classes in
 * WEB-INF/classes (IdentityServlet at /; AttemptsServlet at /attempts, loaded only when asked for),
 * the libraries (Logback, Log4j, Quartz) in WEB-INF/lib, a web.xml. The server's
 * own class path has Tomcat and the server main only, so each web application loads its own copy of
 * the libraries with its own class loader.
 */
final class WebappLayout {
    private static final Path TEST_CLASSES = Path.of(System.getProperty("uts4j.testClasses"));
    private static final Path WEBAPP_LIBS = Path.of(System.getProperty("uts4j.webappLibs"));
    private static final Path SERVER_LIBS = Path.of(System.getProperty("uts4j.serverLibs"));
    private static final String SERVLET_PACKAGE = IdentityServlet.class.getPackageName().replace('.', '/');

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1" metadata-complete="true">
              <servlet>
                <servlet-name>identity</servlet-name>
                <servlet-class>%s</servlet-class>
                <load-on-startup>1</load-on-startup>
              </servlet>
              <servlet-mapping>
                <servlet-name>identity</servlet-name>
                <url-pattern>/</url-pattern>
              </servlet-mapping>
              <servlet>
                <servlet-name>attempts</servlet-name>
                <servlet-class>%s</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>attempts</servlet-name>
                <url-pattern>/attempts</url-pattern>
              </servlet-mapping>
              <servlet>
                <servlet-name>handoff</servlet-name>
                <servlet-class>%s</servlet-class>
                <async-supported>true</async-supported>
              </servlet>
              <servlet-mapping>
                <servlet-name>handoff</servlet-name>
                <url-pattern>/handoff</url-pattern>
              </servlet-mapping>
            </web-app>
            """.formatted(IdentityServlet.class.getName(), AttemptsServlet.class.getName(),
                    HandOffServlet.class.getName());

    /** One servlet at /, loaded at once, and nothing else. */
    private static final String ONE_SERVLET_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1" metadata-complete="true">
              <servlet>
                <servlet-name>only</servlet-name>
                <servlet-class>%s</servlet-class>
                <load-on-startup>1</load-on-startup>
              </servlet>
              <servlet-mapping>
                <servlet-name>only</servlet-name>
                <url-pattern>/</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    private WebappLayout() {}

    /** Lays out {@code root/name} afresh and returns it: the docBase of one web application. */
    static Path create(Path root, String name) throws IOException {
        Path docBase = root.resolve(name);
        deleteRecursively(docBase);
        Path classes = Files.createDirectories(docBase.resolve("WEB-INF/classes").resolve(SERVLET_PACKAGE));
        copyAll(TEST_CLASSES.resolve(SERVLET_PACKAGE), ".class", classes);
        copyAll(WEBAPP_LIBS, ".jar", Files.createDirectories(docBase.resolve("WEB-INF/lib")));
        Files.writeString(docBase.resolve("WEB-INF/web.xml"), WEB_XML);
        return docBase;
    }

    /** As {@link #create}, with only this servlet (of the same package) and no libraries. */
    static Path createWithOnly(Path root, String name, Class<?> servlet) throws IOException {
        Path docBase = root.resolve(name);
        deleteRecursively(docBase);
        Path classes = Files.createDirectories(docBase.resolve("WEB-INF/classes").resolve(SERVLET_PACKAGE));
        copyAll(TEST_CLASSES.resolve(SERVLET_PACKAGE), ".class", classes);
        Files.writeString(docBase.resolve("WEB-INF/web.xml"), ONE_SERVLET_XML.formatted(servlet.getName()));
        return docBase;
    }

    /** Tomcat's jars and the test classes (the server main): none of the web applications' libraries. */
    static String serverClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(SERVER_LIBS)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        }
        if (entries.isEmpty()) throw new IllegalStateException("no Tomcat jars in " + SERVER_LIBS);
        entries.add(TEST_CLASSES.toString());
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void copyAll(Path from, String suffix, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(suffix))::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
