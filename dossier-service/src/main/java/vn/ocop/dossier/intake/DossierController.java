package vn.ocop.dossier.intake;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.intake.DossierRequests.CreateDossier;
import vn.ocop.dossier.intake.DossierRequests.EditDossier;
import vn.ocop.dossier.intake.DossierRequests.ReturnDossier;
import vn.ocop.dossier.intake.DossierRequests.WithdrawDossier;
import vn.ocop.dossier.intake.DossierViews.DossierSummary;
import vn.ocop.dossier.intake.DossierViews.DossierView;
import vn.ocop.dossier.intake.DossierViews.HistoryView;
import vn.ocop.dossier.intake.DossierViews.Page;
import vn.ocop.dossier.intake.domain.DossierStatus;

/** Product dossiers (hồ sơ) and their lifecycle. */
@RestController
class DossierController {

    private final DossierService service;

    DossierController(DossierService service) {
        this.service = service;
    }

    @PostMapping("/dossiers")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    @ResponseStatus(HttpStatus.CREATED)
    DossierView create(@Valid @RequestBody CreateDossier input, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.create(input, me);
    }

    @GetMapping("/dossiers")
    Page<DossierSummary> list(@RequestParam(required = false) DossierStatus status,
            @RequestParam(required = false) String locality, @RequestParam(required = false) Integer criteriaSet,
            @RequestParam(required = false) String round, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return service.list(status, locality, criteriaSet, round, q, page, size, me);
    }

    @GetMapping("/dossiers/{id}")
    DossierView get(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.get(id, me);
    }

    @PutMapping("/dossiers/{id}")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    DossierView edit(@PathVariable String id, @Valid @RequestBody EditDossier input,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return service.changeRound(id, input.roundId(), me);
    }

    @GetMapping("/dossiers/{id}/history")
    HistoryView history(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.history(id, me);
    }

    @PostMapping("/dossiers/{id}/submit")
    DossierView submit(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.submit(id, me);
    }

    @PostMapping("/dossiers/{id}/return")
    @PreAuthorize(Access.PROVINCE_OFFICERS)
    DossierView returnForCompletion(@PathVariable String id, @Valid @RequestBody ReturnDossier input,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return service.returnForCompletion(id, input, me);
    }

    @PostMapping("/dossiers/{id}/resubmit")
    DossierView resubmit(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.resubmit(id, me);
    }

    @PostMapping("/dossiers/{id}/withdraw")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    DossierView withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawDossier input,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return service.withdraw(id, input == null ? null : input.reason(), me);
    }
}
