package org.tongban.cases;

import java.util.Map;

/**
 * Facts about the signed-in applicant that the platform verifies itself rather than taking from the form, for 秒批
 * conditions ({@code verified.idNumber}, {@code verified.householdRegion}, {@code verified.creditCode}, as
 * {@link org.tongban.catalog.VerifiedFact} names them). A fact left out leaves its condition unevaluated, and the
 * case goes to a person. A deployment answers the household region from the public-security registry through the
 * data-sharing exchange.
 */
public interface ApplicantFacts {

    Map<String, String> verified(Applicant applicant);
}
