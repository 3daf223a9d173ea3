package io.uts4j.it;

import org.junit.jupiter.api.Assumptions;

/** The Tomcat refusals again on JDK 25, where the machine has it. */
class TomcatRefusalsOnJdk25Test extends TomcatRefusals {
    @Override
    Jdk jdk() {
        Jdk jdk = Jdk.available().stream().filter(j -> j.feature() >= 25).findFirst().orElse(null);
        Assumptions.assumeTrue(jdk != null, "no JDK 25 on this machine (set -Duts4j.jdk25=<java home>)");
        return jdk;
    }
}
