package io.shopscale.platform.web;

import io.shopscale.platform.admission.AdmissionControl;
import io.shopscale.platform.admission.RequestPriorities;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request in only while the service has a slot for it ({@link AdmissionControl}); otherwise answers 429 with
 * {@code Retry-After} at once. Virtual threads put no bound on how many requests a service takes on, so without
 * this an overloaded service queues every request on its pool and answers all of them late instead of most of
 * them in time. Probes and scrapes are never limited.
 */
class AdmissionFilter extends OncePerRequestFilter {

    private final AdmissionControl admission;

    /** Its own: a refusal is a flat map of strings and numbers, and must not depend on the service's settings. */
    private final JsonMapper json = JsonMapper.builder().build();

    AdmissionFilter(AdmissionControl admission) {
        this.admission = admission;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPriorities.isAdmitted(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AdmissionControl.Permit> permit = admission.tryAdmit(
                RequestPriorities.of(request.getMethod(), request.getRequestURI()));
        if (permit.isEmpty()) {
            refuse(request, response);
            return;
        }
        boolean served = false;
        try {
            chain.doFilter(request, response);
            served = true;
        } finally {
            if (!served) {
                // An exception past every handler: a bug or a client gone, not a measure of capacity.
                permit.get().ignored();
            } else if (request.isAsyncStarted()) {
                // A stream or a long poll: it holds a connection, not a worker, so its slot is given back now.
                permit.get().ignored();
            } else {
                permit.get().closeWith(response.getStatus());
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = Problems.decorate(Problems.of(HttpStatus.TOO_MANY_REQUESTS, admission.refusalDetail()),
                request);
        // Written as a map: the flattening of a problem's extra properties belongs to MVC's converter, not here.
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "about:blank");
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        document.put("detail", problem.getDetail());
        document.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            document.putAll(problem.getProperties());
        }
        byte[] body = json.writeValueAsBytes(document);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
