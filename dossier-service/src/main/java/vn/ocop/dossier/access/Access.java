package vn.ocop.dossier.access;

import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;

/**
 * Who may touch the records of a locality. PROVINCE_OFFICER: everything; LOCALITY_OFFICER: its own locality only;
 * COUNCIL_MEMBER: reads assigned dossiers only (decided per dossier by the intake feature); DEPARTMENT_OFFICER and
 * machine clients: nothing here (departments read reports in reporting-service).
 */
public final class Access {

    private Access() {
    }

    public static boolean isLocalityActor(AgencyPrincipal me) {
        return me.isProvinceOfficer() || me.has(Role.LOCALITY_OFFICER);
    }

    /** Create, change or read an applicant record or a dossier of {@code localityCode}. */
    public static void requireMayActFor(AgencyPrincipal me, String localityCode) {
        if (!isLocalityActor(me)) {
            throw new ForbiddenException("access.role");
        }
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
