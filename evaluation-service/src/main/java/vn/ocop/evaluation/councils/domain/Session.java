package vn.ocop.evaluation.councils.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.SessionAssigned;

/**
 * A council session (phiên họp): the cases it evaluates. While OPEN members fill their sheets and see only their
 * own; once CLOSED every member may read all sheets of the session.
 */
public record Session(String id, String councilId, CouncilLevel level, LocalDate sessionDate, List<String> memberIds,
        List<AssignedCase> cases, Status status, Instant createdAt, Instant closedAt) {

    public Session {
        memberIds = List.copyOf(memberIds);
        cases = List.copyOf(cases);
    }

    public enum Status {
        OPEN,
        CLOSED
    }

    public record AssignedCase(String caseId, String dossierId, String entityId) {
    }

    public boolean has(String caseId) {
        return cases.stream().anyMatch(c -> c.caseId().equals(caseId));
    }

    public Session assign(List<AssignedCase> added) {
        if (status != Status.OPEN) {
            throw new ConflictException("session.closed", id);
        }
        List<AssignedCase> all = new ArrayList<>(cases);
        added.stream().filter(c -> !has(c.caseId())).forEach(all::add);
        return new Session(id, councilId, level, sessionDate, memberIds, all, status, createdAt, closedAt);
    }

    public Session close(Instant at) {
        if (status != Status.OPEN) {
            throw new ConflictException("session.closed", id);
        }
        return new Session(id, councilId, level, sessionDate, memberIds, cases, Status.CLOSED, createdAt, at);
    }

    public SessionAssigned assigned(Instant at) {
        return new SessionAssigned(id, councilId, level, sessionDate, memberIds,
                cases.stream().map(AssignedCase::dossierId).distinct().toList(), at);
    }
}
