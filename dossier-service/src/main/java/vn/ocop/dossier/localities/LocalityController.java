package vn.ocop.dossier.localities;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.dossier.localities.domain.Localities;
import vn.ocop.dossier.localities.domain.Locality;

/** Reference data: the administrative units, all of them or those valid on a date. */
@RestController
class LocalityController {

    private final Localities localities;

    LocalityController(Localities localities) {
        this.localities = localities;
    }

    @GetMapping("/localities")
    List<Locality> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn) {
        return validOn == null ? localities.all() : localities.validOn(validOn);
    }
}
