/**
 * Identity (身份认证): departments and service centres, staff accounts with roles, citizen and enterprise accounts, sign-in with throttling, password reset by SMS code, real-name levels and the protection of personal data (SM4 encryption, keyed SM3 lookup hash, masking, access log).
 */
@org.springframework.modulith.ApplicationModule(displayName = "身份认证 Identity", allowedDependencies = {"shared", "web"})
@org.jspecify.annotations.NullMarked
package org.tongban.identity;
