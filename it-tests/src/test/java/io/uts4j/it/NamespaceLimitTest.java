package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.AddTenantWithoutNamespace;
import io.uts4j.it.apps.Children;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reliability (issue 12, row 5): a tenant added at run time when no UTS namespace can be had. The
 * JVM runs in a fresh user namespace whose {@code max_uts_namespaces} is 0, so nothing global
 * changes. Under kernel=auto the tenant is added with a one-line notice and answers at Java level;
 * under kernel=required the add is refused. Before, it succeeded silently.
 */
class NamespaceLimitTest {
    /** Runs the JVM (the arguments after the script) in a user namespace that may make no UTS namespace. */
    static final String[] NO_NAMESPACE_LEFT = {"unshare", "-Ur", "sh", "-c",
            "echo 0 > /proc/sys/user/max_uts_namespaces && exec \"$0\" \"$@\""};

    @BeforeAll
    static void userNamespaces() {
        Kernel.assumeAvailable();
        String probe = Children.run("unshare", "-Ur", "sh", "-c",
                "echo 0 > /proc/sys/user/max_uts_namespaces && unshare --uts true 2>&1; echo \" exit=$?\"");
        Kernel.assume(probe.contains("No space left on device") && probe.endsWith("exit=1"),
                "a user namespace cannot be made here, or its max_uts_namespaces not set to 0: " + probe);
    }

    @Test
    void underAutoTheTenantIsAddedWithAOneLineNoticeAndAnswersAtJavaLevel() {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).prefix(NO_NAMESPACE_LEFT).agent("kernel=auto")
                .run(AddTenantWithoutNamespace.class).assertSuccess();
        Map<String, String> late = r.report().get("late");
        assertThat(late).as(r.toString()).containsEntry("added", "true").containsEntry("tenants", "late")
                .containsEntry("java", "late-1").containsEntry("env", "late-1").containsEntry("child.env", "late-1")
                .containsEntry("inode", "OptionalLong.empty").containsEntry("kernelIdentity", "Optional.empty");
        String notice = r.unexpectedStderr();
        assertThat(notice.lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(notice).startsWith("uts4j: tenant 'late' added without a kernel namespace: ")
                .contains("max_uts_namespaces").contains("Java-level identity only")
                .as("running as root would not help").doesNotContain("as root");
    }

    @Test
    void underRequiredTheAddIsRefusedAndNothingIsAdded() {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).prefix(NO_NAMESPACE_LEFT).agent("kernel=required")
                .run(AddTenantWithoutNamespace.class).assertSuccess();
        Map<String, String> late = r.report().get("late");
        assertThat(late).as(r.toString()).containsEntry("added", "false")
                .containsEntry("exception", IllegalStateException.class.getName()).containsEntry("tenants", "");
        assertThat(late.get("message")).contains("max_uts_namespaces").contains("kernel=required")
                .as("running as root would not help").doesNotContain("as root");
        assertThat(r.unexpectedStderr()).as(r.toString()).isEmpty();
    }
}
