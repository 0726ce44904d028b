package org.tongban.identity;

/** What an enterprise types to open an account (法人注册): credit code, name and its legal representative. */
public record EnterpriseRegistration(String creditCode, String enterpriseName, String legalRepresentative,
                                     String legalRepresentativeIdNumber, String mobile, String password) {
}
