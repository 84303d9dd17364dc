package vn.ocop.evaluation.certificates;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.evaluation.cases.CaseService;
import vn.ocop.evaluation.cases.domain.Certificate;

/** Certificates (giấy chứng nhận) by product, entity or locality; revocation (thu hồi) with a reason. */
@RestController
@RequestMapping("/certificates")
class CertificateController {

    private final CaseService cases;
    private final Clock clock;

    CertificateController(CaseService cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping
    List<Certificate> search(@RequestParam(required = false) String productId,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String localityCode,
            @AuthenticationPrincipal AgencyPrincipal me) {
        String locality = localityCode;
        if (scopedToLocality(me)) {
            if (locality != null && !me.mayActForLocality(locality)) {
                throw new ForbiddenException("certificate.other-locality", locality);
            }
            locality = me.locality();
        }
        return cases.certificates(productId, entityId, locality);
    }

    @GetMapping("/{number}")
    Certificate one(@PathVariable String number, @AuthenticationPrincipal AgencyPrincipal me) {
        Certificate certificate = cases.byCertificate(number).certificate();
        if (scopedToLocality(me) && !me.mayActForLocality(certificate.localityCode())) {
            throw new ForbiddenException("certificate.other-locality", certificate.localityCode());
        }
        return certificate;
    }

    /**
     * A locality officer reads the certificates of its own locality only (one without a locality claim reads
     * none); the province, councils, departments and machine clients read all of them.
     */
    private static boolean scopedToLocality(AgencyPrincipal me) {
        if (me.isProvinceOfficer() || !me.has(Role.LOCALITY_OFFICER)) {
            return false;
        }
        if (me.locality() == null) {
            throw new ForbiddenException("certificate.other-locality", "?");
        }
        return true;
    }

    record Revocation(String reason) {
    }

    @PostMapping("/{number}/revocation")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Certificate revoke(@PathVariable String number, @RequestBody Revocation body,
            @AuthenticationPrincipal AgencyPrincipal me) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInputException("certificate.revocation-invalid",
                    List.of(FieldViolation.of("reason", "validation.NotBlank")));
        }
        String caseId = cases.byCertificate(number).id();
        return cases.change(caseId, current -> current.revokeCertificate(body.reason().strip(), clock.instant(),
                me.subject())).certificate();
    }
}
