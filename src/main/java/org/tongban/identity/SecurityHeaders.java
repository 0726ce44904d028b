package org.tongban.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The headers on every response that tell the browser to refuse what no Tongban page does: script or style that
 * is not a file of the platform (no inline script, no event-handler attributes, no other origin), being framed by
 * another site (clickjacking), guessing a content type, sending the page address to other sites, and using the
 * camera, microphone or location. Strict-Transport-Security goes with every response that came over TLS (also behind
 * a proxy, with {@code server.forward-headers-strategy=native}), unless switched off.
 */
@Component
class SecurityHeaders {

    /** Everything from the platform itself; nothing inline, no plug-ins, forms only to the platform. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final boolean hsts;
    private final Duration hstsMaxAge;

    SecurityHeaders(@Value("${tongban.security.hsts:true}") boolean hsts,
                    @Value("${tongban.security.hsts-max-age:P365D}") Duration hstsMaxAge) {
        this.hsts = hsts;
        this.hstsMaxAge = hstsMaxAge;
    }

    void apply(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
        if (hsts) {
            headers.httpStrictTransportSecurity(sts -> sts.maxAgeInSeconds(hstsMaxAge.toSeconds()).includeSubDomains(true));
        } else {
            headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
        }
    }
}
