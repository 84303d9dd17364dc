package vn.ocop.notification.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.notification.units.UnitDirectory;

/**
 * E-mail written first, sent after: {@link #enqueue} stores one message per contact of the unit; {@link #dispatch}
 * (every replica; each message is claimed by exactly one) sends due messages through SMTP, retrying with
 * exponential backoff and marking a message FAILED after the last attempt.
 */
@Service
public class EmailOutbox {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

    private final MongoOperations mongo;
    private final JavaMailSender mail;
    private final EmailTemplates templates;
    private final UnitDirectory units;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;

    public EmailOutbox(MongoOperations mongo, JavaMailSender mail, EmailTemplates templates, UnitDirectory units,
            Clock clock, MeterRegistry meters,
            @Value("${ocop.notification.email.from:ocop@localhost}") String from,
            @Value("${ocop.notification.email.max-attempts:4}") int maxAttempts,
            @Value("${ocop.notification.email.backoff:PT30S}") Duration backoff,
            @Value("${ocop.notification.email.max-backoff:PT30M}") Duration maxBackoff) {
        this.mongo = mongo;
        this.mail = mail;
        this.templates = templates;
        this.units = units;
        this.clock = clock;
        this.meters = meters;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** Writes one message per contact of the unit in the address book; returns how many were new. */
    public int enqueue(String noticeKey, String unitCode, String kind, String reference, String subjectVi,
            String bodyVi, String subjectEn, String bodyEn) {
        AddressBookEntry entry = mongo.findById(unitCode, AddressBookEntry.class);
        if (entry == null || entry.contacts() == null) {
            return 0;
        }
        int created = 0;
        Instant now = clock.instant();
        for (var contact : entry.contacts()) {
            String language = "en".equals(contact.language()) ? "en" : "vi";
            var rendered = templates.render(language, units.name(unitCode, language),
                    "en".equals(language) ? subjectEn : subjectVi, "en".equals(language) ? bodyEn : bodyVi);
            var message = new EmailMessage(noticeKey + ":" + contact.email().toLowerCase(), noticeKey, unitCode,
                    contact.email(), language, kind, reference, rendered.subject(), rendered.text(), rendered.html(), now);
            try {
                mongo.insert(message);
                created++;
            } catch (DuplicateKeyException alreadyWritten) {
                log.debug("e-mail {} exists already", message.getId());
            }
        }
        return created;
    }

    @Scheduled(fixedDelayString = "${ocop.notification.email.poll-interval:PT5S}",
            initialDelayString = "${ocop.notification.email.poll-interval:PT5S}")
    public void dispatch() {
        for (int i = 0; i < 100; i++) {
            EmailMessage message = claim();
            if (message == null) {
                return;
            }
            send(message);
        }
    }

    private EmailMessage claim() {
        Instant now = clock.instant();
        return mongo.findAndModify(
                query(where("state").is(EmailMessage.State.PENDING).and("nextAttemptAt").lte(now))
                        .with(Sort.by("nextAttemptAt")),
                new Update().set("state", EmailMessage.State.SENDING).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), EmailMessage.class);
    }

    private void send(EmailMessage message) {
        try {
            var mime = mail.createMimeMessage();
            var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.getTo());
            helper.setSubject(message.getSubject());
            helper.setText(message.getText(), message.getHtml());
            mail.send(mime);
            message.sent(clock.instant());
            meters.counter("ocop.notification.email.sent").increment();
        } catch (Exception e) {
            int attempt = message.getAttempts() + 1;
            Instant next = attempt >= maxAttempts ? null : clock.instant().plus(backoffFor(attempt));
            log.warn("e-mail {} attempt {} failed: {}", message.getId(), attempt, e.toString());
            message.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), next);
            meters.counter(next == null ? "ocop.notification.email.failed" : "ocop.notification.email.retried").increment();
        }
        mongo.save(message);
    }

    private Duration backoffFor(int attempt) {
        Duration delay = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    public List<EmailMessage> list(EmailMessage.State state, String unitCode, int limit) {
        Query query = new Query();
        if (state != null) {
            query.addCriteria(where("state").is(state));
        }
        if (unitCode != null) {
            query.addCriteria(where("unitCode").is(unitCode));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), EmailMessage.class);
    }

    /** Sends a FAILED message again, or one left SENDING by a crash (the officer accepts a possible duplicate). */
    public EmailMessage retry(String id) {
        EmailMessage current = mongo.findById(id, EmailMessage.class);
        if (current == null) {
            throw new NotFoundException("email.not-found", id);
        }
        var updated = mongo.findAndModify(
                query(where("_id").is(id).and("state").in(EmailMessage.State.FAILED, EmailMessage.State.SENDING)),
                new Update().set("state", EmailMessage.State.PENDING).set("attempts", 0)
                        .set("nextAttemptAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), EmailMessage.class);
        if (updated == null) {
            throw new ConflictException("email.not-retryable", id, current.getState());
        }
        return updated;
    }
}
