package vn.ocop.evaluation.councils;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.evaluation.councils.domain.Council;
import vn.ocop.evaluation.councils.domain.Session;
import vn.ocop.evaluation.councils.domain.SheetChoices;

@RestController
class CouncilController {

    private final CouncilService councils;
    private final ScoreSheetService sheets;

    CouncilController(CouncilService councils, ScoreSheetService sheets) {
        this.councils = councils;
        this.sheets = sheets;
    }

    @PostMapping("/councils")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Council form(@RequestBody CouncilService.FormCouncil command) {
        return councils.form(command);
    }

    @GetMapping("/councils/{id}")
    @PreAuthorize("hasAnyRole('PROVINCE_OFFICER', 'COUNCIL_MEMBER')")
    Council council(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        Council council = councils.council(id);
        if (!me.isProvinceOfficer() && !council.memberIds().contains(me.subject())) {
            throw new ForbiddenException("council.not-a-member-reader");
        }
        return council;
    }

    @PostMapping("/councils/{id}/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PROVINCE_OFFICER', 'COUNCIL_MEMBER')")
    Council declareConflict(@PathVariable String id, @RequestBody CouncilService.DeclareConflict command,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return councils.declareConflict(id, command, me);
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Session plan(@RequestBody CouncilService.PlanSession command) {
        return councils.plan(command);
    }

    record Assignment(List<String> caseIds) {
    }

    @PostMapping("/sessions/{id}/cases")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Map<String, Object> assign(@PathVariable String id, @RequestBody Assignment body) {
        return councils.assign(id, body.caseIds() == null ? List.of() : body.caseIds());
    }

    @PostMapping("/sessions/{id}/closure")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Session close(@PathVariable String id) {
        return councils.close(id);
    }

    @GetMapping("/sessions/{id}")
    @PreAuthorize("hasAnyRole('PROVINCE_OFFICER', 'COUNCIL_MEMBER')")
    Session session(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        Session session = councils.session(id);
        if (!me.isProvinceOfficer() && !session.memberIds().contains(me.subject())) {
            throw new ForbiddenException("council.not-a-member-reader");
        }
        return session;
    }

    record Choices(List<SheetChoices.Choice> choices) {
    }

    @PutMapping("/sessions/{sessionId}/cases/{caseId}/sheets/{memberId}")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    ScoreSheetService.SheetView save(@PathVariable String sessionId, @PathVariable String caseId,
            @PathVariable String memberId, @RequestBody Choices body, @AuthenticationPrincipal AgencyPrincipal me) {
        return sheets.save(sessionId, caseId, memberId, body.choices(), me);
    }

    @PostMapping("/sessions/{sessionId}/cases/{caseId}/sheets/{memberId}/signature")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    ScoreSheetService.SheetView sign(@PathVariable String sessionId, @PathVariable String caseId,
            @PathVariable String memberId, @AuthenticationPrincipal AgencyPrincipal me) {
        return sheets.sign(sessionId, caseId, memberId, me);
    }

    @GetMapping("/sessions/{sessionId}/cases/{caseId}/sheets/{memberId}")
    @PreAuthorize("hasAnyRole('PROVINCE_OFFICER', 'COUNCIL_MEMBER')")
    ScoreSheetService.SheetView read(@PathVariable String sessionId, @PathVariable String caseId,
            @PathVariable String memberId, @AuthenticationPrincipal AgencyPrincipal me) {
        return sheets.read(sessionId, caseId, memberId, me);
    }

    record Rescoring(String reason) {
    }

    @PostMapping("/sessions/{sessionId}/cases/{caseId}/rescoring")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    List<ScoreSheetService.SheetView> rescore(@PathVariable String sessionId, @PathVariable String caseId,
            @RequestBody Rescoring body, @AuthenticationPrincipal AgencyPrincipal me) {
        return sheets.reopenForRescoring(sessionId, caseId, body.reason(), me.subject());
    }

    @GetMapping("/sessions/{sessionId}/cases/{caseId}/sheets")
    @PreAuthorize("hasAnyRole('PROVINCE_OFFICER', 'COUNCIL_MEMBER')")
    List<ScoreSheetService.SheetView> readAll(@PathVariable String sessionId, @PathVariable String caseId,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return sheets.readAll(sessionId, caseId, me);
    }
}
