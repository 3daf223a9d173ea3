package io.uts4j.it;

/** The Tomcat cases again on JDK 25 (required under CI). */
class TomcatTenantsOnJdk25Test extends TomcatTenants {
    @Override
    Jdk jdk() {
        return Jdk.jdk25();
    }
}
