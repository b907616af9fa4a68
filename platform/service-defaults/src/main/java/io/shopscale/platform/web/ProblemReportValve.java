package io.shopscale.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Answers the errors Tomcat raises before any servlet runs (a malformed URL, an illegal header, a path it refuses
 * to normalise) with the same problem+json as every other error, instead of its HTML page. Errors that reach the
 * application never get here: they are written by the advice or the error controller first.
 */
final class ProblemReportValve extends ErrorReportValve {

    /** Takes the place of every other error report valve on the host, Tomcat's and Spring Boot's alike. */
    static void install(Host host) {
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        Pipeline pipeline = host.getPipeline();
        boolean installed = false;
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemReportValve) {
                installed = true;
            }
            else if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        if (!installed) {
            pipeline.addValve(new ProblemReportValve());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response cannot take a body any more; the status line is all it gets.
        }
    }

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status < 500 ? "The request's URL or headers are not accepted."
                : "The request could not be completed.";
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }
}
