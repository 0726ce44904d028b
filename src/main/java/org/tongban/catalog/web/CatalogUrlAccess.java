package org.tongban.catalog.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.web.UrlAccessRules;

/** The public portal and catalogue API for everyone; the catalogue's administration pages by role. */
@Component
class CatalogUrlAccess implements UrlAccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**", "/api/v1/departments/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/search", "/items/**", "/themes/**", "/departments/**").permitAll()
                .requestMatchers("/admin/catalogue/transfer/**").hasRole("PLATFORM_ADMIN")
                .requestMatchers("/admin/review/**").hasRole("LEGAL_REVIEWER")
                .requestMatchers("/admin/catalogue/synonyms/**", "/admin/catalogue/new").hasRole("CATALOGUE_ADMIN")
                .requestMatchers("/admin/catalogue/**").hasAnyRole("CATALOGUE_ADMIN", "LEGAL_REVIEWER");
    }
}
