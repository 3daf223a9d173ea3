package io.uts4j.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * A web application's servlet trying, on its request thread, every route of {@link TenantAttempts}
 * against the tenant named by the {@code other} parameter. Answers one {@code key=value} a line:
 * each route's outcome, how many operations uts4j counted as refused meanwhile
 * ({@code <route>.counted}), and what the request thread sees before and after.
 */
public final class AttemptsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String other = req.getParameter("other");
        List<String> routes = new ArrayList<>(TenantAttempts.CAPABILITY);
        routes.addAll(TenantAttempts.SCOPE);
        routes.addAll(TenantAttempts.OWN);
        routes.addAll(TenantAttempts.ADMIN);
        routes.addAll(TenantAttempts.INTERNALS);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sees.before", TenantAttempts.attempt("whoAmI", other));
        for (String route : routes) {
            long before = refusals();
            m.put(route, TenantAttempts.attempt(route, other));
            m.put(route + ".counted", String.valueOf(refusals() - before));
        }
        m.put("sees.after", TenantAttempts.attempt("whoAmI", other));
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        m.forEach((k, v) -> out.print(k + "=" + v + "\n"));
    }

    /** uts4j's count of refused operations: reading it is open to anyone. */
    private static long refusals() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("io.uts4j:type=Agent"), "RefusedOperations");
        } catch (Exception e) {
            return -1_000_000; // makes every count wrong: the bean must be there
        }
    }
}
