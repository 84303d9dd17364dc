package vn.ocop.chassis.security;

import java.util.Set;

/**
 * Who is calling: a civil servant of an agency (with roles, and a locality or department where the role needs
 * one) or a machine client (no roles, only scopes). Services decide with it what the caller may see and do.
 *
 * @param locality administrative-unit code of a LOCALITY_OFFICER, else null
 * @param agency department code of a DEPARTMENT_OFFICER, else null
 */
public record AgencyPrincipal(String subject, Set<Role> roles, String locality, String agency, Set<String> scopes) {

    public AgencyPrincipal {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isProvinceOfficer() {
        return has(Role.PROVINCE_OFFICER);
    }

    public boolean isMachineClient() {
        return roles.isEmpty();
    }

    /** Province officers act everywhere; a locality officer only in its own locality. */
    public boolean mayActForLocality(String localityCode) {
        return isProvinceOfficer()
                || (has(Role.LOCALITY_OFFICER) && locality != null && locality.equals(localityCode));
    }
}
