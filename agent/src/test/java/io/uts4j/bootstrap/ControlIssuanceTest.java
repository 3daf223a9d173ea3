package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.BridgeTest.assertRefused;
import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.FutureTask;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The host's capability is issued once per JVM, to host code only. Ordered, because issuing it is
 * for good: every refusal to tenant code is tried while it is still to be had (else the refusal would
 * only say "called before"), then it is issued, then refused again. This class has its JVM to itself
 * (the pom's reuseForks=false), so no other class can have taken it first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlIssuanceTest {
    private static final Uts4jTenant A = tenant("a");
    private static final Uts4jTenant SHOP = tenant("shop");

    @BeforeAll
    static void install() {
        Uts4jInstall.install(new Table().with(A, "alpha-\\d+", null).with(SHOP, null, "shop-webapp").build(),
                new RecordingServices(), false);
    }

    @AfterAll
    static void uninstall() {
        Uts4jInstall.uninstall();
    }

    @Test
    @Order(1)
    void refusedToAThreadANameRuleBinds() throws Exception {
        Threads.call("alpha-1", () -> {
            assertRefused(() -> Bridge.apply("control"), "issued to host code only");
            return null;
        });
    }

    @Test
    @Order(2)
    void refusedInsideATenantsScope() throws Exception {
        try (AutoCloseable s = Uts4jInstall.tenantScope(A)) {
            assertRefused(() -> Bridge.apply("control"), "issued to host code only");
        }
    }

    @Test
    @Order(3)
    void refusedToAnUnboundThreadATenantsThreadStarted() throws Exception {
        FutureTask<Object> asks = new FutureTask<>(() -> {
            assertThat(Uts4jInstall.currentTenant()).as("bound to nothing itself").isNull();
            assertRefused(() -> Bridge.apply("control"), "issued to host code only");
            return null;
        });
        // Made by the host (so it inherits nothing), started by tenant a's thread.
        Thread unbound = WovenJdk.newThread(asks, "unbound");
        Threads.call("alpha-1", () -> {
            WovenJdk.start(unbound);
            return null;
        });
        Threads.result(asks);
    }

    @Test
    @Order(4)
    void refusedToAnUnboundThreadWithATenantsClassOnItsStack() throws Exception {
        TenantLoader shopLoader = new TenantLoader("shop-webapp");
        Threads.call("worker", () -> {
            assertThat(Uts4jInstall.currentTenant()).isNull();
            shopLoader.code().accept(() -> assertRefused(() -> Bridge.apply("control"), "issued to host code only"));
            return null;
        });
    }

    @Test
    @Order(5)
    void issuedToHostCode() {
        Object token = Bridge.apply("control");
        assertThat(token).isNotNull();
        assertThat((String[]) Bridge.apply("tenants", token)).containsExactly("a", "shop");
    }

    @Test
    @Order(6)
    void refusedTheSecondTime() {
        try {
            Bridge.apply("control"); // issued here if this test runs alone
        } catch (SecurityException alreadyIssued) {
            // as expected when the class runs whole
        }
        assertRefused(() -> Bridge.apply("control"), "called before: the host's capability is issued once");
    }

}
