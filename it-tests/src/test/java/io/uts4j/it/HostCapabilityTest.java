package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.aSees;
import static io.uts4j.it.TenantRoutesRun.bSees;
import static io.uts4j.it.TenantRoutesRun.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.PrefixResolver;
import io.uts4j.it.apps.ResolverHostCheck;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What tenants may not do, the host still does: host code that took the capability first binds
 * any thread to any tenant or to the host, works in any tenant's namespace, adds and removes
 * tenants; and a configured resolver, the operator's own code, still binds threads.
 */
class HostCapabilityTest {
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theHostEntersEveryTenant(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(host(r)).as(r.toString()).containsEntry("enter.a", "ok:" + aSees(r))
                .containsEntry("enter.b", "ok:" + bSees(r));
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theHostBindsATenantsThreadToTheHost(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(host(r).get("enterHostOnAThreadOfA")).as(r.toString()).startsWith("ok:host ");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theHostWorksInAnyTenantsNamespace(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        String bHostname = bSees(r).substring("b ".length());
        assertThat(host(r)).as(r.toString()).containsEntry("callInNamespace.b", "ok:" + bHostname);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theHostAddsAndRemovesTenants(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(host(r)).as(r.toString()).containsEntry("addTenant", "ok:c c-1 child c-1")
                .containsEntry("removeTenant", "ok:a,b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void aConfiguredResolverStillBindsThreadsAndTheHostStillControls(Jdk jdk) {
        Map<String, String> m = resolverRun(jdk);
        assertThat(m).containsEntry("control", "ok:Uts4jControl")
                .containsEntry("byResolver", "ok:alpha alpha")
                .containsEntry("byRule", "ok:b b-1")
                .containsEntry("hostEntersAlphaOnARuleBoundThread", "ok:alpha alpha")
                .containsEntry("tenants", "ok:alpha,b");
    }

    /** What a server does between two requests: its code renames a thread its resolver binds, which moves. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void theResolverStillFollowsAThreadRenamedOnItself(Jdk jdk) {
        Map<String, String> m = resolverRun(jdk);
        assertThat(m.get("renamedOnTheThreadItself")).startsWith("ok:host ").endsWith("|alpha alpha");
    }

    /** Where no loader rule tells tenants' classes apart, code on a thread the resolver binds is the tenant's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void codeOnAThreadTheResolverBindsIsTheTenantsCode(Jdk jdk) {
        Map<String, String> m = resolverRun(jdk);
        assertThat(m.get("controlOnAResolverBoundThread"))
                .startsWith("refused:uts4j: refused: Uts4j.control() from thread 'via-resolver-1' of tenant 'alpha'");
        assertThat(m.get("jmxOnAResolverBoundThread"))
                .startsWith("refused:uts4j: refused: JMX addTenant from thread 'via-resolver-1' of tenant 'alpha'");
    }

    private static Map<String, String> resolverRun(Jdk jdk) {
        ForkedJvm.Result r = ForkedJvm.on(jdk)
                .agent("kernel=off,tenant.alpha.hostname=alpha,tenant.b.hostname=b-1,tenant.b.threads=b-.*,resolver="
                        + PrefixResolver.class.getName())
                .run(ResolverHostCheck.class).assertSuccess();
        Map<String, String> m = r.report().get("resolver");
        assertThat(m).as(r.toString()).isNotNull();
        return m;
    }
}
