package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.IdentityReport;
import java.net.InetAddress;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every instrumented API, from threads bound by rule, inheritance and API, and from unbound threads. */
class IdentityTest {
    static final String ARGS = String.join(",",
            "kernel=off",
            "tenant.alpha.hostname=alpha", "tenant.alpha.domainname=example.test", "tenant.alpha.address=10.1.1.1",
            "tenant.alpha.threads=alpha-.*", "tenant.alpha.env.REGION=eu", "tenant.alpha.property.os.name=AlphaOS",
            "tenant.beta.hostname=beta-host", "tenant.beta.threads=beta-.*",
            "tenant.gamma.hostname=gamma", "tenant.gamma.domainname=corp.test", "tenant.gamma.address=fd00::3");
    static final String[] NAMES = {"alpha", "ALPHA.example.test", "beta-host", "gamma.corp.test"};

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void eachThreadSeesItsOwnIdentity(Jdk jdk) throws Exception {
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(ARGS).run(IdentityReport.class, NAMES).assertSuccess();
        Map<String, Map<String, String>> report = r.report();

        InetAddress host = InetAddress.getLocalHost();
        for (String who : new String[] {"main", "plain", "after-scope"}) {
            Map<String, String> m = report.get(who);
            assertThat(m).as(who + "\n" + r).containsEntry("localHost.name", host.getHostName())
                    .containsEntry("localHost.address", host.getHostAddress())
                    .containsEntry("localHost.canonical", host.getCanonicalHostName())
                    .containsEntry("env.HOSTNAME", String.valueOf(System.getenv("HOSTNAME")))
                    .containsEntry("envMap.HOSTNAME", String.valueOf(System.getenv("HOSTNAME")))
                    .containsEntry("env.REGION", String.valueOf(System.getenv("REGION")))
                    .containsEntry("prop.os.name", System.getProperty("os.name"))
                    .containsEntry("byName.alpha", "ERR:UnknownHostException")
                    .containsEntry("byName.gamma.corp.test", "ERR:UnknownHostException");
            assertThat(m.get("mx.name")).as(who).endsWith("@" + host.getHostName());
        }

        for (String who : new String[] {"alpha", "alpha-child"}) {
            Map<String, String> m = report.get(who);
            assertThat(m).as(who + "\n" + r).containsEntry("localHost.name", "alpha")
                    .containsEntry("localHost.address", "10.1.1.1")
                    .containsEntry("localHost.canonical", "alpha.example.test")
                    .containsEntry("env.HOSTNAME", "alpha").containsEntry("envMap.HOSTNAME", "alpha")
                    .containsEntry("env.REGION", "eu").containsEntry("envMap.REGION", "eu")
                    .containsEntry("env.PATH", System.getenv("PATH"))
                    .containsEntry("prop.os.name", "AlphaOS").containsEntry("prop.os.name.default", "AlphaOS")
                    .containsEntry("prop.java.version", report.get("main").get("prop.java.version"))
                    .containsEntry("localhost", "127.0.0.1")
                    .containsEntry("byName.alpha", "alpha/10.1.1.1")
                    .containsEntry("byName.ALPHA.example.test", "ALPHA.example.test/10.1.1.1")
                    .containsEntry("allByName.ALPHA.example.test", "10.1.1.1")
                    .containsEntry("canonical.alpha", "alpha.example.test")
                    .containsEntry("byName.beta-host", "ERR:UnknownHostException");
            assertThat(m.get("mx.name")).as(who).endsWith("@alpha")
                    .isEqualTo(report.get("main").get("mx.name").replaceAll("@.*", "@alpha"));
        }

        Map<String, String> beta = report.get("beta");
        assertThat(beta).as(r.toString()).containsEntry("localHost.name", "beta-host")
                .containsEntry("localHost.address", host.getHostAddress()) // no address: the real one
                .containsEntry("localHost.canonical", "beta-host")
                .containsEntry("env.HOSTNAME", "beta-host")
                .containsEntry("env.REGION", String.valueOf(System.getenv("REGION")))
                .containsEntry("prop.os.name", System.getProperty("os.name"))
                .containsEntry("byName.beta-host", "beta-host/" + host.getHostAddress())
                .containsEntry("byName.alpha", "ERR:UnknownHostException");
        assertThat(beta.get("mx.name")).endsWith("@beta-host");

        Map<String, String> gamma = report.get("gamma");
        assertThat(gamma).as(r.toString()).containsEntry("thread", "worker-7")
                .containsEntry("localHost.name", "gamma")
                .containsEntry("localHost.address", "fd00:0:0:0:0:0:0:3")
                .containsEntry("localHost.canonical", "gamma.corp.test")
                .containsEntry("byName.gamma.corp.test", "gamma.corp.test/fd00:0:0:0:0:0:0:3")
                .containsEntry("env.HOSTNAME", "gamma");
        assertThat(report.get("gamma-api")).containsEntry("tenant", "gamma")
                .containsEntry("current", "tenant gamma gamma.corp.test");
        assertThat(report.get("host-api")).containsEntry("tenants", "alpha,beta,gamma")
                .containsEntry("current", "host " + host.getHostName());
        assertThat(r.startupLine()).as(r.toString())
                .isEqualTo("uts4j " + r.startupLine().split(" ")[1] + " 3 tenants [alpha=alpha.example.test, "
                        + "beta=beta-host, gamma=gamma.corp.test]; kernel=off; propagate=on");
        assertThat(r.unexpectedStderr()).as("nothing else on stderr").isEmpty();
    }
}
