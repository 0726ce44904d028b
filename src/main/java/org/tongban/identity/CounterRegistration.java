package org.tongban.identity;

import org.jspecify.annotations.Nullable;

/**
 * What a counter clerk types to register an applicant who has no account yet (窗口代为注册), from the documents in
 * front of them: for a person the name and ID number on the ID card; for an enterprise the credit code and name on
 * the business licence and its legal representative; and the mobile number the applicant gives.
 *
 * @param organisation  whether {@code identifier} is a credit code (法人) rather than an ID number (自然人)
 * @param documentsSeen the clerk confirms having checked the originals against the person in front of them
 */
public record CounterRegistration(boolean organisation, String identifier, String name, String mobile,
                                  @Nullable String legalRepresentative, @Nullable String legalRepresentativeIdNumber,
                                  boolean documentsSeen) {
}
