package vn.ocop.evaluation.councils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.evaluation.councils.domain.Council;
import vn.ocop.evaluation.councils.domain.Session;
import vn.ocop.evaluation.councils.domain.SheetChoices;

final class CouncilDocuments {

    private CouncilDocuments() {
    }

    @Document("councils")
    static class CouncilDocument {
        @Id
        String id;
        @Version
        Long version;
        Council council;
    }

    /** The session and its SessionAssigned events, in one document. */
    @Document("sessions")
    static class SessionDocument extends OutboxDocument {
        @Id
        String id;
        @Version
        Long version;
        Session session;
    }

    /** One member's score sheet for one case in one session; SIGNED sheets never change again. */
    @Document("member_score_sheets")
    @CompoundIndex(name = "session_case", def = "{'sessionId': 1, 'caseId': 1}")
    static class MemberSheetDocument {
        enum Status {
            DRAFT,
            SIGNED
        }

        @Id
        String id;
        @Version
        Long version;
        String sessionId;
        String caseId;
        String memberId;
        String sheetSet;
        int criteriaSet;
        int sheetVersion;
        List<SheetChoices.Choice> choices = new ArrayList<>();
        java.math.BigDecimal total;
        Status status;
        Instant updatedAt;
        Instant signedAt;
        /** Earlier signed versions, kept when an officer sent the case back for re-scoring. */
        List<Rescored> rescored = new ArrayList<>();

        record Rescored(List<SheetChoices.Choice> choices, java.math.BigDecimal total, Instant signedAt,
                Instant reopenedAt, String reopenedBy, String reason) {
        }

        static String idOf(String sessionId, String caseId, String memberId) {
            return sessionId + ":" + caseId + ":" + memberId;
        }
    }
}
