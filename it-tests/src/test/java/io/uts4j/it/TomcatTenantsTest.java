package io.uts4j.it;

/** The Tomcat cases on the JDK running the tests (17). */
class TomcatTenantsTest extends TomcatTenants {
    @Override
    Jdk jdk() {
        return Jdk.current();
    }
}
