package vn.ocop.identity.authserver;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.security.Role;
import vn.ocop.identity.accounts.AccountService;
import vn.ocop.identity.accounts.domain.Account;
import vn.ocop.identity.accounts.domain.LoginStatus;

/**
 * The platform's claims (architecture §2). Access tokens of users: {@code roles} (array of role names),
 * {@code locality} (locality officers only), {@code agency} (department officers only), {@code name}; the same in
 * the ID token plus {@code preferred_username}. Machine-client tokens: {@code roles: []} beside the {@code scope}
 * Spring Authorization Server writes. {@code sub} is the username (or the client id). The account is read again
 * when the token is issued, so a role change or a disabling made after the login applies; a disabled account gets
 * no token ({@code invalid_grant}).
 */
@Component
class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String LOCALITY = "locality";
    static final String AGENCY = "agency";
    static final String NAME = "name";

    private final AccountService accounts;

    PlatformClaims(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim(ROLES, List.of());
            return;
        }
        String username = context.getPrincipal().getName();
        Account account = accounts.findByUsername(username)
                .filter(found -> found.loginStatus(accounts.now()) != LoginStatus.DISABLED)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The account does not exist or is disabled.", null)));
        claims.claim(ROLES, account.roles().stream().sorted().map(Role::name).toList());
        if (account.has(Role.LOCALITY_OFFICER) && account.locality() != null) {
            claims.claim(LOCALITY, account.locality());
        }
        if (account.has(Role.DEPARTMENT_OFFICER) && account.agency() != null) {
            claims.claim(AGENCY, account.agency());
        }
        if (account.displayName() != null) {
            claims.claim(NAME, account.displayName());
        }
        if (idToken) {
            claims.claim("preferred_username", account.username());
            if (account.email() != null) {
                claims.claim("email", account.email());
            }
        }
    }
}
