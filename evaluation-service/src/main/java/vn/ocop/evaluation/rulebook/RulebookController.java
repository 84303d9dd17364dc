package vn.ocop.evaluation.rulebook;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.evaluation.rulebook.domain.Regime;

@RestController
@RequestMapping("/rulebooks")
class RulebookController {

    private static final Pattern SET_FILE = Pattern.compile("set-(\\d{1,2})\\.csv$");

    private final RulebookService rulebook;

    RulebookController(RulebookService rulebook) {
        this.rulebook = rulebook;
    }

    @GetMapping("/regimes")
    List<Regime> regimes() {
        return rulebook.regimes();
    }

    @GetMapping("/regimes/{code}")
    Regime regime(@PathVariable String code) {
        return rulebook.regime(code);
    }

    @PostMapping(path = "/{regimeCode}/sheets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    RulebookService.ImportReport importSheet(@PathVariable String regimeCode, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Integer criteriaSet, @RequestParam(required = false) String name,
            @AuthenticationPrincipal AgencyPrincipal me) throws IOException {
        String fileName = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        Integer set = criteriaSet;
        if (set == null) {
            Matcher matcher = SET_FILE.matcher(fileName);
            set = matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
        }
        if (set == null || set < 1 || set > 99) {
            throw new InvalidInputException("rulebook.file-invalid",
                    List.of(FieldViolation.of("criteriaSet", "rulebook.criteria-set-required")));
        }
        return rulebook.importSheet(regimeCode, set, name == null ? fileName : name, fileName, file.getBytes(),
                me.subject());
    }

    @GetMapping("/{regimeCode}/sheets")
    List<RulebookService.ImportReport> reports(@PathVariable String regimeCode) {
        return rulebook.reports(regimeCode);
    }

    @GetMapping("/{regimeCode}/sheets/{criteriaSet}")
    RulebookService.ActiveSheet activeSheet(@PathVariable String regimeCode, @PathVariable int criteriaSet) {
        return rulebook.activeSheet(rulebook.regime(regimeCode).sheetSet(), criteriaSet)
                .orElseThrow(() -> new NotFoundException("rulebook.no-active-sheet", criteriaSet, regimeCode));
    }

    @GetMapping("/{regimeCode}/sheets/{criteriaSet}/versions/{version}")
    RulebookService.ImportReport report(@PathVariable String regimeCode, @PathVariable int criteriaSet,
            @PathVariable int version) {
        return rulebook.report(regimeCode, criteriaSet, version);
    }

    record Corrections(List<RulebookService.CorrectionRequest> corrections) {
    }

    @PostMapping("/{regimeCode}/sheets/{criteriaSet}/versions/{version}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    RulebookService.ImportReport correct(@PathVariable String regimeCode, @PathVariable int criteriaSet,
            @PathVariable int version, @RequestBody Corrections body, @AuthenticationPrincipal AgencyPrincipal me) {
        return rulebook.correct(regimeCode, criteriaSet, version,
                body.corrections() == null ? List.of() : body.corrections(), me.subject());
    }
}
