package org.tongban.calendar.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.web.UrlAccessRules;

/** The calendar's administration page: platform administrators only. */
@Component
class CalendarUrlAccess implements UrlAccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/admin/calendar/**").hasRole("PLATFORM_ADMIN");
    }
}
