package vn.ocop.evaluation.rounds;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.evaluation.rounds.domain.Round;

@RestController
@RequestMapping("/rounds")
class RoundController {

    private final RoundService rounds;

    RoundController(RoundService rounds) {
        this.rounds = rounds;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Round open(@RequestBody RoundService.OpenRound command, @AuthenticationPrincipal AgencyPrincipal me) {
        return rounds.open(command, me.subject());
    }

    @GetMapping
    List<Round> all() {
        return rounds.all();
    }

    @GetMapping("/{id}")
    Round one(@PathVariable String id) {
        return rounds.get(id);
    }
}
