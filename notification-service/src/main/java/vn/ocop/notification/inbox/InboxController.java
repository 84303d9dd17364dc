package vn.ocop.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.security.AgencyPrincipal;

/** The caller's inbox: its own messages and its unit's. */
@RestController
@RequestMapping("/inbox")
class InboxController {

    record InboxEntry(String id, String recipientType, String recipient, String kind, String reference,
            String subject, String body, Instant createdAt, boolean read) {
    }

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    List<InboxEntry> list(@AuthenticationPrincipal AgencyPrincipal me,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        String language = acceptLanguage != null && acceptLanguage.toLowerCase().startsWith("en") ? "en" : "vi";
        return inbox.list(me, unread, Math.max(1, Math.min(limit, 200))).stream()
                .map(item -> new InboxEntry(item.getId(), item.getRecipientType().name(), item.getRecipient(),
                        item.getKind(), item.getReference(),
                        "en".equals(language) ? item.getSubjectEn() : item.getSubjectVi(),
                        "en".equals(language) ? item.getBodyEn() : item.getBodyVi(),
                        item.getCreatedAt(), item.getReadBy().contains(me.subject())))
                .toList();
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal AgencyPrincipal me) {
        return Map.of("unread", inbox.unreadCount(me));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id) {
        inbox.markRead(me, id);
    }

    @PostMapping("/read-all")
    Map<String, Long> markAllRead(@AuthenticationPrincipal AgencyPrincipal me) {
        return Map.of("marked", inbox.markAllRead(me));
    }
}
