package org.tongban.identity;

/** What a citizen types to open an account (实名注册): name as on the ID card, ID number, mobile, password. */
public record CitizenRegistration(String realName, String idNumber, String mobile, String password) {
}
