package io.shopscale.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents all services answer with. */
public final class Problems {

    public static final URI INVALID_PARAMETER = URI.create("/problems/invalid-parameter");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    public static ProblemDetail invalidParameter(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(400), detail);
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", parameter);
        return problem;
    }

    /**
     * Adds what lets a user report the failure and an operator find it: the path and the request id. Public for
     * problems written outside Spring MVC's advice, such as Spring Security's entry points.
     */
    public static ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String requestId = request == null ? null : (String) request.getAttribute(RequestIds.MDC_KEY);
        if (requestId == null) {
            requestId = MDC.get(RequestIds.MDC_KEY);
        }
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
