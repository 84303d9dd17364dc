package vn.ocop.dossier.intake;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

final class DossierRequests {

    private DossierRequests() {
    }

    record CreateDossier(@NotBlank String entityId, @NotBlank String productId, @Size(max = 100) String roundId) {
    }

    record EditDossier(@Size(max = 100) String roundId) {
    }

    record ReasonInput(@Size(max = 100) String item, @Size(max = 2000) String reason) {
    }

    record ReturnDossier(List<ReasonInput> reasons) {
    }

    record WithdrawDossier(@Size(max = 2000) String reason) {
    }
}
