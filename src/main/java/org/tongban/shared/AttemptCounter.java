package org.tongban.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Counts failed attempts (a wrong password, a wrong guess at a public lookup) per scope and key, and holds a key back
 * until a moment, in a table of the module that uses it, so that every instance sees the same counts. A counter is
 * forgotten once its memory has passed without a new failure. What counts, when to hold back and for how long is the
 * caller's policy ({@code identity.SignInThrottle}, {@code cases.ProgressLookupThrottle}); this is only the
 * bookkeeping they share.
 *
 * <p>The table has the columns {@code scope VARCHAR, key VARCHAR, failures INT, blocked_until TIMESTAMPTZ,
 * expires_at TIMESTAMPTZ NOT NULL}, primary key {@code (scope, key)}, and an index on {@code expires_at}.
 */
public final class AttemptCounter {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_ADDRESS_LENGTH = 64;

    /** One counter: what is counted ({@code ADDRESS}, {@code SUBJECT} …) and for whom. */
    public record Key(String scope, String key) {
    }

    private final JdbcClient jdbc;
    private final String table;

    public AttemptCounter(JdbcClient jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Whether any of the keys is held back at {@code now}. */
    public boolean heldBack(Instant now, Key... keys) {
        if (keys.length == 0) {
            return false;
        }
        String any = String.join(" OR ", Arrays.stream(keys).map(k -> "(scope = ? AND key = ?)").toList());
        Object[] params = new Object[keys.length * 2 + 1];
        for (int i = 0; i < keys.length; i++) {
            params[2 * i] = keys[i].scope();
            params[2 * i + 1] = keys[i].key();
        }
        params[params.length - 1] = Timestamp.from(now);
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE (" + any + ") AND blocked_until > ?")
                .params(params).query(Long.class).single() > 0;
    }

    /**
     * One more failure, remembered for {@code memory} from now (or until the key's hold ends, if later); returns the
     * failures counted. A counter whose memory had passed starts again at one, and its old hold is dropped.
     */
    public int failed(Key key, Duration memory, Instant now) {
        return jdbc.sql("INSERT INTO " + table + " AS c (scope, key, failures, expires_at) "
                        + """
                        VALUES (:scope, :key, 1, :expires)
                        ON CONFLICT (scope, key) DO UPDATE SET
                            failures = CASE WHEN c.expires_at <= :now THEN 1 ELSE c.failures + 1 END,
                            blocked_until = CASE WHEN c.expires_at <= :now THEN NULL ELSE c.blocked_until END,
                            expires_at = GREATEST(:expires, CASE WHEN c.expires_at <= :now THEN :expires
                                                                 ELSE COALESCE(c.blocked_until, :expires) END)
                        RETURNING failures""")
                .param("scope", key.scope()).param("key", key.key())
                .param("expires", Timestamp.from(now.plus(memory))).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** Holds the key back until {@code until}; its counter is remembered at least that long. */
    public void holdBack(Key key, Instant until) {
        jdbc.sql("UPDATE " + table + " SET blocked_until = :until, expires_at = GREATEST(expires_at, :until) "
                        + "WHERE scope = :scope AND key = :key")
                .param("until", Timestamp.from(until)).param("scope", key.scope()).param("key", key.key()).update();
    }

    /** Forgets the key's failures and any hold on it. */
    public void forget(Key key) {
        jdbc.sql("DELETE FROM " + table + " WHERE scope = ? AND key = ?").params(key.scope(), key.key()).update();
    }

    /** Drops the counters whose memory has passed. */
    public void forgetExpired(Instant now) {
        jdbc.sql("DELETE FROM " + table + " WHERE expires_at < ?").param(Timestamp.from(now)).update();
    }

    /**
     * A client address as a key: {@code request.getRemoteAddr()}, stripped and cut to 64 characters, "unknown" when
     * missing. Behind a reverse proxy that is the proxy's unless {@code server.forward-headers-strategy} is set.
     */
    public static String clientAddress(@Nullable String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.strip();
        return a.length() > MAX_ADDRESS_LENGTH ? a.substring(0, MAX_ADDRESS_LENGTH) : a;
    }
}
