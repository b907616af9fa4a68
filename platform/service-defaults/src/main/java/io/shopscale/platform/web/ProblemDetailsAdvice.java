package io.shopscale.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * One place where every failure becomes an RFC 9457 problem: Spring MVC's own exceptions (through the base class),
 * the platform's exceptions, and anything unexpected — which becomes a 500 without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException e, WebRequest request) {
        return problem(Problems.invalidParameter(e.parameter(), e.getMessage()), HttpStatus.BAD_REQUEST, request);
    }

    /** Tomcat parses the query lazily, when a controller first asks for a parameter: a bad escape is the client's. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(org.apache.tomcat.util.http.InvalidParameterException e,
                                                 WebRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST,
                "The request's parameters are not validly encoded: use UTF-8 and percent-escapes such as %20."),
                HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, e.getMessage()), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("unhandled failure", e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. Quote the request id when reporting this.");
        return problem(problem, HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = e.getPropertyName() == null ? "value" : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return problem(Problems.invalidParameter(parameter, "'" + parameter + "' must be " + expected + "."),
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.invalidParameter(e.getParameterName(), "'" + e.getParameterName() + "' is required."),
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> messages = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> "'" + result.getMethodParameter().getParameterName() + "' "
                                + message(error)))
                .toList();
        String parameter = e.getParameterValidationResults().isEmpty() ? "request"
                : e.getParameterValidationResults().getFirst().getMethodParameter().getParameterName();
        ProblemDetail problem = Problems.invalidParameter(parameter, String.join("; ", messages) + ".");
        return problem(problem, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String parameter = errors.isEmpty() ? "body" : errors.getFirst().getField();
        List<String> messages = errors.stream().map(error -> "'" + error.getField() + "' " + message(error)).toList();
        ProblemDetail problem = Problems.invalidParameter(parameter,
                messages.isEmpty() ? "The request body is invalid." : String.join("; ", messages) + ".");
        return problem(problem, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.decorate(problem, servletRequest(request));
            HttpHeaders problemHeaders = new HttpHeaders();
            if (headers != null) {
                problemHeaders.addAll(headers);
            }
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, problemHeaders, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, HttpStatus status, WebRequest request) {
        return createResponseEntity(problem, new HttpHeaders(), status, request);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String describe(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a valid " + type.getSimpleName();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }
}
