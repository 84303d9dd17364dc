package vn.ocop.chassis.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the verified token and the {@link AgencyPrincipal} read from it. */
public final class AgencyAuthentication extends AbstractAuthenticationToken {

    private final AgencyPrincipal principal;
    private final Jwt token;

    public AgencyAuthentication(AgencyPrincipal principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public AgencyPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.subject();
    }

    public Jwt token() {
        return token;
    }
}
