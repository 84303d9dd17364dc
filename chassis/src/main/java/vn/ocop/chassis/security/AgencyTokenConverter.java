package vn.ocop.chassis.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the platform's claims ({@code roles}, {@code locality}, {@code agency}, {@code scope}) into an
 * {@link AgencyAuthentication}. Authorities are {@code ROLE_<role>} and {@code SCOPE_<scope>}. Unknown role
 * names are ignored rather than trusted.
 */
public final class AgencyTokenConverter implements Converter<Jwt, AgencyAuthentication> {

    @Override
    public AgencyAuthentication convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : stringList(jwt.getClaim("roles"))) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        Set<String> scopes = new LinkedHashSet<>();
        Object scopeClaim = jwt.getClaims().containsKey("scope") ? jwt.getClaim("scope") : jwt.getClaim("scp");
        if (scopeClaim instanceof String text) {
            for (String scope : text.trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        } else {
            scopes.addAll(stringList(scopeClaim));
        }
        String locality = roles.contains(Role.LOCALITY_OFFICER) ? jwt.getClaimAsString("locality") : null;
        String agency = roles.contains(Role.DEPARTMENT_OFFICER) ? jwt.getClaimAsString("agency") : null;
        AgencyPrincipal principal = new AgencyPrincipal(jwt.getSubject(), roles, locality, agency, scopes);
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return new AgencyAuthentication(principal, jwt, authorities);
    }

    private static List<String> stringList(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }
}
