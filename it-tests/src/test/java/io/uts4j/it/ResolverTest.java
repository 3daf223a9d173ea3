package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Hello;
import io.uts4j.it.apps.PrefixResolver;
import io.uts4j.it.apps.ResolverReport;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** A custom TenantResolver named in the configuration, loaded from the application class path. */
class ResolverTest {
    @Test
    void configuredResolverBindsThreads() throws Exception {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current())
                .agent("kernel=off,tenant.alpha.hostname=alpha,resolver=" + PrefixResolver.class.getName())
                .run(ResolverReport.class).assertSuccess();
        assertThat(r.report().get("resolved")).as(r.toString()).containsEntry("name", "alpha");
        assertThat(r.report().get("other")).containsEntry("name", InetAddress.getLocalHost().getHostName());
    }

    @Test
    void missingResolverClassStopsTheJvm() {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current())
                .agent("tenant.alpha.hostname=alpha,resolver=com.example.Missing").run(Hello.class);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("uts4j: invalid configuration: key 'resolver' has value "
                + "'com.example.Missing': no such class on the application class path");
    }

    @Test
    void resolverThatIsNotOneStopsTheJvm() {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current())
                .agent("tenant.alpha.hostname=alpha,resolver=" + Hello.class.getName()).run(Hello.class);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("it is not a public concrete class implementing io.uts4j.TenantResolver");
    }
}
