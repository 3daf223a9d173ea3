package io.uts4j.it.apps;

import io.uts4j.TenantScope;
import io.uts4j.Uts4jControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every row of {@link HandOffRows} from several submitters, one after another, on the same
 * pools the host made first, and prints for each submitter and row what the tasks saw:
 * {@code @<submitter>:<row>\tkind=..\tseen=..\tworkersSaw=..\ttasks=..\tonCaller=..}.
 *
 * <p>Submitters: {@code alpha-1} and {@code beta-1} (bound by the tenants' name rules),
 * {@code plain-1} (the host), {@code plain-2@beta} (an unbound thread in an API scope of beta) and
 * {@code alpha-2@host} (a tenant's thread in an API scope of the host). Run the host after the
 * tenants, so that it uses the workers their tasks ran on.
 */
public final class HandOffCheck {
    private static final String[] SUBMITTERS = {"alpha-1", "beta-1", "plain-1", "plain-2@beta", "alpha-2@host"};

    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        SharedPools pools = new SharedPools();
        HandOffRows.parallelStream(64); // the host uses the common pool first: it makes its workers
        List<HandOffRows.Row> rows = HandOffRows.all(pools);
        for (String submitter : SUBMITTERS) {
            String[] nameAndScope = submitter.split("@");
            Report.onThread(nameAndScope[0], () -> {
                if (nameAndScope.length == 1) {
                    runAll(submitter, rows);
                } else {
                    try (TenantScope scope = nameAndScope[1].equals("host") ? control.enterHost()
                            : control.enter(nameAndScope[1])) {
                        runAll(submitter, rows);
                    }
                }
            });
        }
        pools.shutdown();
    }

    private static void runAll(String submitter, List<HandOffRows.Row> rows) {
        String caller = Thread.currentThread().getName();
        for (HandOffRows.Row row : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("kind", row.kind().name());
            try {
                List<Seen> seen = row.action().run();
                List<Seen> offCaller = Seen.offThread(seen, caller);
                m.put("seen", Seen.identities(seen));
                m.put("workersSaw", Seen.identities(offCaller));
                m.put("tasks", String.valueOf(seen.size()));
                m.put("onCaller", String.valueOf(seen.size() - offCaller.size()));
            } catch (Exception e) {
                m.put("error", e.toString());
            }
            Report.print(submitter + ":" + row.name(), m);
        }
    }
}
