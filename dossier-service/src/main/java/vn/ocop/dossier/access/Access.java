package vn.ocop.dossier.access;

import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;

/**
 * Who may touch the records of a locality. PROVINCE_OFFICER: everything; LOCALITY_OFFICER: its own locality only;
 * COUNCIL_MEMBER: reads assigned dossiers only (decided per dossier by the intake feature); DEPARTMENT_OFFICER and
 * machine clients: nothing here (departments read reports in reporting-service).
 *
 * <p>Two kinds of refusal, so that record ids cannot be probed: a caller whose role never reaches records of this
 * kind is refused with 403 before anything is looked up; a caller who has the role but not the record's locality
 * (or assignment) is told that the record does not exist, exactly as for an id that does not exist (404).
 */
public final class Access {

    /**
     * For {@code @PreAuthorize} on endpoints that read a body or parameters: decided before they are read, so a role
     * that never works with applicants and dossiers gets 403, not a validation problem (the checks below still run).
     */
    public static final String LOCALITY_ACTORS = "hasAnyRole('PROVINCE_OFFICER', 'LOCALITY_OFFICER')";
    public static final String PROVINCE_OFFICERS = "hasRole('PROVINCE_OFFICER')";

    private Access() {
    }

    public static boolean isLocalityActor(AgencyPrincipal me) {
        return me.isProvinceOfficer() || me.has(Role.LOCALITY_OFFICER);
    }

    /** Before looking anything up: only province and locality officers work with applicants and dossiers. */
    public static void requireLocalityActor(AgencyPrincipal me) {
        if (!isLocalityActor(me)) {
            throw new ForbiddenException("access.role");
        }
    }

    /** Create a record in {@code localityCode} (the caller names the locality, so refusing reveals nothing). */
    public static void requireMayActFor(AgencyPrincipal me, String localityCode) {
        requireLocalityActor(me);
        if (!me.mayActForLocality(localityCode)) {
            throw new ForbiddenException("access.other-locality", localityCode);
        }
    }

    public static void requireProvinceOfficer(AgencyPrincipal me) {
        if (!me.isProvinceOfficer()) {
            throw new ForbiddenException("access.province-only");
        }
    }
}
