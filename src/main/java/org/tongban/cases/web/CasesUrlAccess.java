package org.tongban.cases.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.web.UrlAccessRules;

/**
 * The case pages: the staff desk for the counter, reviewers, heads and supervisors; an applicant's own cases for
 * signed-in applicants; the progress lookup by number for everyone. The module API checks each case again.
 */
@Component
class CasesUrlAccess implements UrlAccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/staff/counter", "/staff/counter/**").hasRole("WINDOW_CLERK")
                .requestMatchers("/staff/cases/**")
                .hasAnyRole("WINDOW_CLERK", "DEPARTMENT_REVIEWER", "DEPARTMENT_HEAD", "SUPERVISOR")
                .requestMatchers("/progress").permitAll()
                .requestMatchers("/cases/**", "/items/*/apply").hasAnyRole("CITIZEN", "ENTERPRISE");
    }
}
