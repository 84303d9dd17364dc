package vn.ocop.notification.email;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was e-mailed, what is waiting and what failed. */
@RestController
@RequestMapping("/emails")
@PreAuthorize("hasRole('PROVINCE_OFFICER')")
class EmailController {

    record EmailView(String id, String unitCode, String to, String language, String kind, String reference,
            String subject, String state, int attempts, Instant createdAt, Instant sentAt, Instant nextAttemptAt,
            String lastError) {
        static EmailView of(EmailMessage m) {
            return new EmailView(m.getId(), m.getUnitCode(), m.getTo(), m.getLanguage(), m.getKind(), m.getReference(),
                    m.getSubject(), m.getState().name(), m.getAttempts(), m.getCreatedAt(), m.getSentAt(),
                    m.getNextAttemptAt(), m.getLastError());
        }
    }

    private final EmailOutbox outbox;

    EmailController(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<EmailView> list(@RequestParam(required = false) EmailMessage.State state,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "100") int limit) {
        return outbox.list(state, unit, Math.max(1, Math.min(limit, 500))).stream().map(EmailView::of).toList();
    }

    @PostMapping("/{id}/retry")
    EmailView retry(@PathVariable String id) {
        return EmailView.of(outbox.retry(id));
    }
}
