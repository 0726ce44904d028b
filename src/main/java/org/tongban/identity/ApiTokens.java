package org.tongban.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Bearer tokens for API clients (the mobile app, a department system): a signed-in session asks for one
 * ({@code POST /api/v1/session/token}), and the client then sends {@code Authorization: Bearer …} with each API
 * request, with no session cookie and no CSRF token (a browser never adds the header by itself, so another site
 * cannot forge a request with it). A request so authenticated reads no session and writes none.
 * <p>
 * The token is a JWT (RFC 7519) signed with HMAC-SHA256 under a platform key ({@code tongban.security.api-token-key},
 * else created once in the data directory); it names only the account, when it was issued and when it expires.
 * Everything else is read from the account on each request, so roles, department and real-name level are always
 * current, and a disabled account, a changed password or changed roles end every token at once, as they end
 * sessions ({@code tokens_valid_from}). JOSE has no SM2 (STACK.md): this key never leaves the platform.
 */
@Component
class ApiTokens {

    static final String ISSUER = "tongban";

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration lifetime;

    ApiTokens(@Value("${tongban.security.api-token-key:}") String configuredKey,
              @Value("${tongban.data-dir}") String dataDir,
              @Value("${tongban.security.api-token-lifetime:PT1H}") Duration lifetime,
              Accounts accounts, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalStateException("tongban.security.api-token-lifetime must be between 1 s and 30 days");
        }
        SecretKey key = new SecretKeySpec(SecretKeyFiles.key(configuredKey, Path.of(dataDir, "keys", "api-token.key"),
                32, "API token key", "TONGBAN_API_TOKEN_KEY"), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        // The issuer stays a plain name: the default converter tries to make it a URL, and a name that is not one
        // costs a thrown exception on every request.
        decoder.setClaimSetConverter(org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter.withDefaults(
                java.util.Map.of(org.springframework.security.oauth2.jwt.JwtClaimNames.ISS, issuer -> issuer)));
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Whether an {@code Authorization} header carries a bearer token (RFC 6750: the scheme is case-insensitive). */
    static boolean isBearer(@org.jspecify.annotations.Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** A token issued now for the account, and when it expires. */
    IssuedToken issue(UUID accountId) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(accountId.toString())
                .issuedAt(now).expiresAt(expires).id(UUID.randomUUID().toString()).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, expires, lifetime);
    }

    record IssuedToken(String value, Instant expiresAt, Duration lifetime) {
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /**
     * The account a verified token names, as it is now; refused (401, {@code invalid_token}) when it no longer
     * exists, is disabled, or ended its tokens after this one was issued.
     */
    Converter<Jwt, AbstractAuthenticationToken> principals() {
        return jwt -> {
            UUID accountId;
            try {
                accountId = UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw refused("the token names no account");
            }
            Accounts.TokenHolder holder = accounts.tokenHolder(accountId).orElseThrow(() -> refused("no such account"));
            Account a = holder.account();
            Instant issued = jwt.getIssuedAt();
            if (!a.enabled()) {
                throw refused("the account is disabled");
            }
            if (issued == null || holder.tokensValidFrom() != null
                    && issued.getEpochSecond() <= holder.tokensValidFrom().getEpochSecond()) {
                throw refused("the token was revoked: sign in again");
            }
            AccountPrincipal principal = new AccountPrincipal(a.id(), a.username(), "", true, true,
                    a.displayName(), a.kind(), a.departmentId(), a.roles(), a.realNameLevel());
            return new TokenAuthentication(principal, jwt);
        };
    }

    /** A request authenticated by a bearer token rather than by a session. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final AccountPrincipal principal;
        private final transient Jwt token;

        TokenAuthentication(AccountPrincipal principal, Jwt token) {
            super(principal.getAuthorities());
            this.principal = principal;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }

    private static InvalidBearerTokenException refused(String why) {
        return new InvalidBearerTokenException(why);
    }

    /** Every token of the account issued until now stops working. */
    void revokeAll(String username) {
        accounts.endTokens(username, clock.instant());
    }
}
