package vn.ocop.evaluation.cases;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.evaluation.cases.domain.CaseStatus;
import vn.ocop.evaluation.cases.domain.EvaluationCase;

@RestController
@RequestMapping("/cases")
@PreAuthorize("hasRole('PROVINCE_OFFICER')")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping
    List<EvaluationCase> search(@RequestParam(required = false) String roundId,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) String dossierId) {
        return dossierId != null ? cases.ofDossier(dossierId) : cases.search(roundId, status);
    }

    @GetMapping("/{id}")
    EvaluationCase one(@PathVariable String id) {
        return cases.get(id);
    }
}
