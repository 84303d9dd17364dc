package vn.ocop.chassis.deadletter;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.NotFoundException;

/** Operations' view of this service's dead letters: list them, and replay one after the cause was fixed. */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('PROVINCE_OFFICER') or hasAuthority('SCOPE_ocop.ops')")
public class DeadLetterController {

    private final DeadLetterQueue queue;

    public DeadLetterController(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    public List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
        return queue.list(Math.clamp(limit, 1, 1000));
    }

    @PostMapping("/{partition}/{offset}/replay")
    public ResponseEntity<DeadLetter> replay(@PathVariable int partition, @PathVariable long offset) throws Exception {
        DeadLetter replayed = queue.replay(partition, offset)
                .orElseThrow(() -> new NotFoundException("deadletter.not-found", partition, offset));
        return ResponseEntity.accepted().body(replayed);
    }
}
