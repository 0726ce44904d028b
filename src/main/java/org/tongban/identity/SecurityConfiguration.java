package org.tongban.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.tongban.web.UrlAccessRules;

import java.util.List;

/**
 * The one security filter chain: each module's own URL rules ({@link UrlAccessRules}), then the catch-alls (staff
 * roles for {@code /admin/**} and {@code /staff/**}, sign-in for everything else), form login, and the security
 * headers. Roles are checked again in the module APIs ({@code @PreAuthorize}), so a URL rule forgotten does not
 * open a use case.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] STAFF_ROLES = java.util.Arrays.stream(Role.values())
            .filter(r -> r != Role.CITIZEN && r != Role.ENTERPRISE).map(Role::name).toArray(String[]::new);

    /**
     * API requests that carry a bearer token ({@link ApiTokens}): the same URL rules, no session read or written, no
     * CSRF token (the header is not something a browser sends on its own). A missing, expired, forged or revoked
     * token is 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750), never a redirect.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiTokenFilterChain(HttpSecurity http, List<UrlAccessRules> moduleRules,
                                            SecurityHeaders headers, ApiTokens tokens) throws Exception {
        http.securityMatcher(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        && ApiTokens.isBearer(request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION)))
                .authorizeHttpRequests(requests -> {
                    moduleRules.forEach(rules -> rules.declare(requests));
                    requests.anyRequest().authenticated();
                })
                .headers(headers::apply)
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(tokens.decoder())
                        .jwtAuthenticationConverter(tokens.principals())));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<UrlAccessRules> moduleRules,
                                            SecurityHeaders headers) throws Exception {
        http.authorizeHttpRequests(requests -> {
                    moduleRules.forEach(rules -> rules.declare(requests));
                    requests.requestMatchers("/api/**").authenticated()
                            .requestMatchers("/admin/**", "/staff/**").hasAnyRole(STAFF_ROLES)
                            .anyRequest().authenticated();
                })
                .headers(headers::apply)
                .formLogin(login -> login.loginPage("/login").permitAll().successHandler(new LandingPage())
                        .failureHandler(new org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler() {
                            {
                                setDefaultFailureUrl("/login?error");
                                setExceptionMappings(java.util.Map.of(
                                        org.springframework.security.authentication.DisabledException.class.getName(),
                                        "/login?error&disabled"));
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
        return http.build();
    }

    /** After sign-in: back to the page that asked for it, else staff to their workbench and applicants home. */
    static final class LandingPage extends org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication) {
            return authentication.getPrincipal() instanceof AccountPrincipal p && p.kind() == AccountKind.STAFF
                    ? "/staff" : "/";
        }
    }

    /**
     * Sign-in tells that an account is disabled only after the right password, so that nobody learns it from a
     * guess. Guessing is held back before the password is checked, per account and client address
     * ({@code SignInThrottle}), not by locking the account.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * Refusals by role are published as {@code AuthorizationDeniedEvent}s (grants are not), so that a module can log
     * attempts on its use cases beside the refusals it decides itself, as cases does in {@code cases_refused_access}.
     */
    @Bean
    org.springframework.security.authorization.AuthorizationEventPublisher authorizationEventPublisher(
            org.springframework.context.ApplicationEventPublisher events) {
        return new org.springframework.security.authorization.SpringAuthorizationEventPublisher(events);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
