package vn.ocop.dossier.applicants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ocop.contracts.dossier.EntityType;

final class ApplicantRequests {

    private ApplicantRequests() {
    }

    record RepresentativeInput(@Size(max = 200) String name, boolean female, boolean ethnicMinority) {
    }

    record AddressInput(@Size(max = 500) String street, @NotBlank String localityCode) {
    }

    /** Only the name and the address's locality are needed for a draft; submission checks the rest. */
    record EntityInput(
            EntityType type,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 20) String taxCode,
            @Valid RepresentativeInput representative,
            @NotNull @Valid AddressInput address) {
    }

    record ProductInput(
            @NotBlank String entityId,
            @NotBlank @Size(max = 300) String name,
            @Min(1) @Max(26) Integer criteriaSetCode,
            @Size(max = 50) String productGroup,
            @Size(max = 5000) String description) {
    }
}
