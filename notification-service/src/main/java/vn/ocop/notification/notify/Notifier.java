package vn.ocop.notification.notify;

import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.notification.email.EmailOutbox;
import vn.ocop.notification.inbox.Inbox;
import vn.ocop.notification.inbox.InboxItem.RecipientType;

/**
 * Delivers a notice to its unit on every channel: the unit's in-app inbox and an e-mail to each contact in the
 * address book. Idempotent by the notice key: calling it twice delivers once.
 */
@Service
public class Notifier {

    private final Inbox inbox;
    private final EmailOutbox email;
    private final MeterRegistry meters;

    public Notifier(Inbox inbox, EmailOutbox email, MeterRegistry meters) {
        this.inbox = inbox;
        this.email = email;
        this.meters = meters;
    }

    public void notify(Notice notice) {
        LocalizedText text = notice.text();
        if (inbox.post(notice.key(), RecipientType.UNIT, notice.unitCode(), notice.kind(), notice.reference(),
                text.subjectVi(), text.bodyVi(), text.subjectEn(), text.bodyEn())) {
            meters.counter("ocop.notification.notices", "kind", notice.kind()).increment();
        }
        email.enqueue(notice.key(), notice.unitCode(), notice.kind(), notice.reference(), text.subjectVi(),
                text.bodyVi(), text.subjectEn(), text.bodyEn());
    }
}
