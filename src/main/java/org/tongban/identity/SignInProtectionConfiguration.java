package org.tongban.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Wires the sign-in throttle into the security filter chain as a
 * {@code Customizer<HttpSecurity>} bean, which Spring Security applies to every {@code HttpSecurity} before
 * {@link SecurityConfiguration} builds on it: this file, not that one, holds the sign-in protection.
 */
@Configuration(proxyBeanMethods = false)
class SignInProtectionConfiguration {

    @Bean
    Customizer<HttpSecurity> signInProtection(SignInIdentifiers identifiers, SignInThrottle throttle) {
        return http -> {
            try {
                http.addFilterBefore(new ThrottleFilter(identifiers, throttle), UsernamePasswordAuthenticationFilter.class);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot configure sign-in protection", e);
            }
        };
    }

    /**
     * Refuses a sign-in from a throttled address before any password is checked, with the very answer a wrong
     * password gets ({@code /login?error}), so that a refusal tells nothing about the account.
     */
    static final class ThrottleFilter extends OncePerRequestFilter {

        private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/login");

        private final SignInIdentifiers identifiers;
        private final SignInThrottle throttle;

        ThrottleFilter(SignInIdentifiers identifiers, SignInThrottle throttle) {
            this.identifiers = identifiers;
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !SIGN_IN.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String typed = request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY);
            if (throttle.refuses(identifiers.subject(typed == null ? "" : typed), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
