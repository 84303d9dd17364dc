package vn.ocop.dossier.intake;

import org.springframework.stereotype.Component;

import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.assignments.SessionAssignments;

/**
 * Per-dossier access: province officers everything, locality officers their own locality, council members read
 * the dossiers of the sessions they sit in (known from SessionAssigned), everyone else nothing. Dossiers are
 * loaded here, behind the role check, and one the caller may not see is answered as missing (see {@link Access}).
 */
@Component
public class DossierAccess {

    private final DossierStore store;
    private final SessionAssignments assignments;

    DossierAccess(DossierStore store, SessionAssignments assignments) {
        this.store = store;
        this.assignments = assignments;
    }

    /** The dossier, for a caller who may read it. */
    public DossierStore.Loaded readable(AgencyPrincipal me, String dossierId) {
        if (!Access.isLocalityActor(me) && !me.has(Role.COUNCIL_MEMBER)) {
            throw new ForbiddenException("access.role");
        }
        DossierStore.Loaded loaded = store.load(dossierId);
        if (!me.mayActForLocality(loaded.dossier().localityCode())
                && !(me.has(Role.COUNCIL_MEMBER) && assignments.isAssigned(me.subject(), dossierId))) {
            throw new NotFoundException("dossier.not-found", dossierId);
        }
        return loaded;
    }

    /** The dossier, for a caller who may change it: a province officer or an officer of its locality. */
    public DossierStore.Loaded changeable(AgencyPrincipal me, String dossierId) {
        Access.requireLocalityActor(me);
        DossierStore.Loaded loaded = store.load(dossierId);
        if (!me.mayActForLocality(loaded.dossier().localityCode())) {
            throw new NotFoundException("dossier.not-found", dossierId);
        }
        return loaded;
    }
}
