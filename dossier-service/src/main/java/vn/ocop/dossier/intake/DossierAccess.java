package vn.ocop.dossier.intake;

import org.springframework.stereotype.Component;

import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.assignments.SessionAssignments;

/**
 * Per-dossier access: province officers everything, locality officers their own locality, council members read
 * the dossiers of the sessions they sit in (known from SessionAssigned), everyone else nothing.
 */
@Component
public class DossierAccess {

    private final SessionAssignments assignments;

    DossierAccess(SessionAssignments assignments) {
        this.assignments = assignments;
    }

    public void requireRead(AgencyPrincipal me, String dossierId, String localityCode) {
        boolean localityActor = Access.isLocalityActor(me);
        if (localityActor && me.mayActForLocality(localityCode)) {
            return;
        }
        if (me.has(Role.COUNCIL_MEMBER) && assignments.isAssigned(me.subject(), dossierId)) {
            return;
        }
        if (me.has(Role.COUNCIL_MEMBER) && !localityActor) {
            throw new ForbiddenException("access.not-assigned", dossierId);
        }
        Access.requireMayActFor(me, localityCode);
    }

    public void requireChange(AgencyPrincipal me, String localityCode) {
        Access.requireMayActFor(me, localityCode);
    }
}
