package org.tongban.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The signed-in account as kept in the session (serialisable: sessions are stored in PostgreSQL). */
public class AccountPrincipal extends User implements org.tongban.web.ShellUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final String displayName;
    private final AccountKind kind;
    private final @Nullable UUID departmentId;
    /** Null only in a session signed in before real-name levels existed. */
    private final @Nullable RealNameLevel realNameLevel;

    AccountPrincipal(UUID accountId, String username, String passwordHash, boolean enabled, boolean nonLocked,
                     String displayName, AccountKind kind, @Nullable UUID departmentId, Set<Role> roles,
                     RealNameLevel realNameLevel) {
        super(username, passwordHash, enabled, true, true, nonLocked, authorities(roles));
        this.accountId = accountId;
        this.displayName = displayName;
        this.kind = kind;
        this.departmentId = departmentId;
        this.realNameLevel = realNameLevel;
    }

    /**
     * The real-name level when the account signed in. A counter verification later in the session raises it in
     * the database only: to decide whether an item may be applied for, use {@link AccountManagement#currentLevel()}.
     */
    public RealNameLevel realNameLevel() {
        return realNameLevel == null ? RealNameLevel.MOBILE_VERIFIED : realNameLevel;
    }

    private static Collection<? extends GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toSet());
    }

    public UUID accountId() {
        return accountId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public AccountKind kind() {
        return kind;
    }

    /** The department a staff member works for; empty for city-wide staff and for applicants. */
    public @Nullable UUID departmentId() {
        return departmentId;
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        getAuthorities().forEach(a -> roles.add(Role.valueOf(a.getAuthority().substring("ROLE_".length()))));
        return roles;
    }

    public boolean has(Role role) {
        return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
