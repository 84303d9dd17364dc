package vn.ocop.chassis.sample;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.contracts.dossier.DossierWithdrawn;

@Document("sample_dossiers")
public class SampleDossier extends OutboxDocument {

    @Id
    private String id;
    @Version
    private Long version;
    private String localityCode;
    private int withdrawals;

    public static SampleDossier create(String id, String localityCode) {
        SampleDossier dossier = new SampleDossier();
        dossier.id = id;
        dossier.localityCode = localityCode;
        return dossier;
    }

    public void withdraw(String reason, Instant at) {
        withdrawals++;
        recordEvent(new DossierWithdrawn(id, localityCode, reason, at, "officer-" + localityCode), id, at);
    }

    public String getId() {
        return id;
    }

    public int getWithdrawals() {
        return withdrawals;
    }
}
