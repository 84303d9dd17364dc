package vn.ocop.reporting.projection;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the read models: start a rebuild, watch it. Province officers or the {@code ocop.ops} scope. */
@RestController
@RequestMapping("/admin/projections")
@PreAuthorize("hasRole('PROVINCE_OFFICER') or hasAuthority('SCOPE_ocop.ops')")
class RebuildController {

    private final ProjectionRebuild rebuild;
    private final Generations generations;

    RebuildController(ProjectionRebuild rebuild, Generations generations) {
        this.rebuild = rebuild;
        this.generations = generations;
    }

    record ProjectionsView(int activeGeneration, ProjectionRebuild.Status lastRebuild) {
    }

    @GetMapping
    ProjectionsView status() {
        return new ProjectionsView(generations.active(), rebuild.status());
    }

    @DeleteMapping("/generations/{generation}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void drop(@PathVariable int generation) {
        rebuild.drop(generation);
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionRebuild.Status rebuild() {
        return rebuild.start();
    }
}
