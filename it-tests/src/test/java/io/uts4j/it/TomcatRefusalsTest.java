package io.uts4j.it;

/** The Tomcat refusals on the JDK running the tests (17). */
class TomcatRefusalsTest extends TomcatRefusals {
    @Override
    Jdk jdk() {
        return Jdk.current();
    }
}
