package org.tongban.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may reach a module's URLs: each module declares its own, beside its pages, and the one security filter chain
 * (identity's {@code SecurityConfiguration}) applies them all, then its catch-all rules ({@code /admin/**} and
 * {@code /staff/**} for staff, everything else for signed-in users). A module names only URLs under its own
 * prefixes, so that the order between modules does not matter; within a module, the more specific rule comes first.
 * URL rules are the first gate only: every module API method checks the caller's authority again.
 */
@FunctionalInterface
public interface UrlAccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls);
}
