package org.tongban.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.web.UrlAccessRules;

/** Sign-in, registration, password reset, first set-up and the list of service centres for everyone; accounts, departments and service centres for administrators. */
@Component
class IdentityUrlAccess implements UrlAccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/login", "/register/**", "/password-reset/**", "/setup", "/api/v1/session").permitAll()
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/service-centres").permitAll()
                .requestMatchers("/admin/accounts/**", "/admin/departments/**", "/admin/centres/**")
                .hasRole("PLATFORM_ADMIN");
    }
}
