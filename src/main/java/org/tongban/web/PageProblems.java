package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.io.IOException;
import java.util.List;

/**
 * Refused input that reaches a page controller without a form to show it beside (a page number out of range in
 * a link, a parameter too long): the error page with status 400 and each reason in plain words, instead of a
 * server error. Forms catch {@link InvalidInputException} themselves and show the messages beside their fields;
 * the REST API answers with problem JSON ({@link ApiProblems}, which comes first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    /** The request attribute under which the error page finds the reasons, as {@code field: message} lines. */
    static final String PROBLEMS = PageProblems.class.getName() + ".problems";

    private final ViolationMessages messages;

    PageProblems(ViolationMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalidInput(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> reasons = e.violations().stream().map(messages::message).toList();
        request.setAttribute(PROBLEMS, reasons);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /** A number where a word was given ({@code ?page=abc}) or one too large for its type. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        invalidInput(new InvalidInputException(Violation.of(e.getName(), "type-mismatch", "取值“{0}”的格式不正确",
                String.valueOf(e.getValue()))), request, response);
    }
}
