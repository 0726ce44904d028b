package org.tongban.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;
import org.tongban.shared.Violation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Errors of the REST API as RFC 9457 problem JSON. Refused input lists every bad field under {@code errors}
 * as {@code {field, message}}, in the caller's language where a translation exists.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private final ViolationMessages messages;

    ApiProblems(ViolationMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "提交的内容有误，请按 errors 逐项修改");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://tongban.org/problems/invalid-input"));
        problem.setProperty("errors", messages.fieldErrors(e.violations()));
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Refused");
        problem.setProperty("code", e.code());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidInput(new InvalidInputException(Violation.of(e.getName(), "type-mismatch",
                "取值“{0}”的格式不正确", String.valueOf(e.getValue()))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ex.getBody().setProperty("errors", ex.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.resolve(f)))
                .toList());
        return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求正文不是有效的 JSON");
        problem.setTitle("Malformed JSON");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message",
                "请求正文不是有效的 JSON：" + (ex.getMostSpecificCause().getMessage() == null ? ""
                        : ex.getMostSpecificCause().getMessage().lines().findFirst().orElse("")))));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }


}
