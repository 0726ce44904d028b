package org.tongban.shared;

import java.util.List;

/**
 * Input refused as a whole, with every reason found. Thrown before anything is stored, so a refused request
 * changes nothing. The web layer turns it into a page message beside each field or into RFC 9457 problem JSON.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.defaultMessage()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
