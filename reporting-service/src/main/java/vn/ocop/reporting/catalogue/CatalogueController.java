package vn.ocop.reporting.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;

/** Anonymous: {@code ocop.security.public-paths} opens {@code /catalogue/**}. */
@RestController
@RequestMapping("/catalogue")
class CatalogueController {

    private final CatalogueService catalogue;

    CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/products")
    CataloguePage products(@RequestParam(required = false) String q, @RequestParam(required = false) String locality,
            @RequestParam(required = false) Integer stars, @RequestParam(required = false) Integer criteriaSet,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (q != null && q.length() > 100) {
            violations.add(FieldViolation.of("q", "validation.Size", 0, 100));
        }
        if (page < 0 || page > 10_000) {
            violations.add(FieldViolation.of("page", "validation.Range", 0, 10_000));
        }
        if (size < 1 || size > 100) {
            violations.add(FieldViolation.of("size", "validation.Range", 1, 100));
        }
        if (stars != null && (stars < 3 || stars > 5)) {
            violations.add(FieldViolation.of("stars", "validation.Range", 3, 5));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("request.invalid-fields", violations);
        }
        return catalogue.search(new CatalogueService.Search(q, locality == null || locality.isBlank() ? null : locality,
                stars, criteriaSet, page, size));
    }
}
