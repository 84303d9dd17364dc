package vn.ocop.dossier.applicants;

import java.util.List;

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

import jakarta.validation.Valid;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.applicants.ApplicantRequests.EntityInput;
import vn.ocop.dossier.applicants.ApplicantRequests.ProductInput;
import vn.ocop.dossier.applicants.ApplicantViews.EntityView;
import vn.ocop.dossier.applicants.ApplicantViews.ProductView;

/** Economic entities (chủ thể OCOP) and their products. */
@RestController
class ApplicantController {

    private final ApplicantService service;

    ApplicantController(ApplicantService service) {
        this.service = service;
    }

    @PostMapping("/entities")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    @ResponseStatus(HttpStatus.CREATED)
    EntityView createEntity(@Valid @RequestBody EntityInput input, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.createEntity(input, me);
    }

    @GetMapping("/entities")
    List<EntityView> entities(@AuthenticationPrincipal AgencyPrincipal me) {
        return service.entities(me);
    }

    @GetMapping("/entities/{id}")
    EntityView entity(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.entity(id, me);
    }

    @PutMapping("/entities/{id}")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    EntityView updateEntity(@PathVariable String id, @Valid @RequestBody EntityInput input,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return service.updateEntity(id, input, me);
    }

    @GetMapping("/entities/{id}/products")
    List<ProductView> productsOf(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.productsOf(id, me);
    }

    @PostMapping("/products")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    @ResponseStatus(HttpStatus.CREATED)
    ProductView createProduct(@Valid @RequestBody ProductInput input, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.createProduct(input, me);
    }

    @GetMapping("/products/{id}")
    ProductView product(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return service.product(id, me);
    }

    @PutMapping("/products/{id}")
    @PreAuthorize(Access.LOCALITY_ACTORS)
    ProductView updateProduct(@PathVariable String id, @Valid @RequestBody ProductInput input,
            @AuthenticationPrincipal AgencyPrincipal me) {
        return service.updateProduct(id, input, me);
    }
}
