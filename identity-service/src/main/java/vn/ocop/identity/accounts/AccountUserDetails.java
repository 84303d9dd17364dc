package vn.ocop.identity.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.ocop.identity.accounts.domain.Account;

/** An account as Spring Security's form login sees it at one moment (locked or not is decided when loaded). */
final class AccountUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final boolean locked;
    private final List<GrantedAuthority> authorities;

    AccountUserDetails(Account account, Instant now) {
        this(account.username(), account.displayName(), account.passwordHash(), account.enabled(),
                account.lockedUntil(), account.isLocked(now),
                account.roles().stream().sorted().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
    }

    private AccountUserDetails(String username, String displayName, String passwordHash, boolean enabled,
            Instant lockedUntil, boolean locked, List<GrantedAuthority> authorities) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.locked = locked;
        this.authorities = authorities;
    }

    AccountUserDetails withPasswordHash(String newHash) {
        return new AccountUserDetails(username, displayName, newHash, enabled, lockedUntil, locked, authorities);
    }

    String displayName() {
        return displayName;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountUserDetails[" + username + "]";
    }
}
