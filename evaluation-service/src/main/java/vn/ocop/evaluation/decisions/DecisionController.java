package vn.ocop.evaluation.decisions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.evaluation.cases.domain.EvaluationCase;

@RestController
class DecisionController {

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/sessions/{sessionId}/cases/{caseId}/decision")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    EvaluationCase decide(@PathVariable String sessionId, @PathVariable String caseId,
            @RequestBody DecisionService.Decide command, @AuthenticationPrincipal AgencyPrincipal me) {
        return decisions.decide(sessionId, caseId, command, me.subject());
    }
}
