package vn.ocop.notification.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
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

    /**
     * Sends everything due: claims batches of up to {@value #BATCH} due messages (each atomically, so that no two
     * replicas send the same one) and sends each batch over one SMTP connection, until nothing is due any more.
     * A batch of which nothing went through (server down) ends the tick: the rest waits for the next one.
     */
    @Scheduled(fixedDelayString = "${ocop.notification.email.poll-interval:PT5S}",
            initialDelayString = "${ocop.notification.email.poll-interval:PT5S}")
    public void dispatch() {
        int sent = 0;
        long started = System.nanoTime();
        dispatching:
        while (!Thread.currentThread().isInterrupted()) {
            List<String> due = due();
            if (due.isEmpty()) {
                break;
            }
            for (int from = 0; from < due.size(); from += BATCH) {
                List<EmailMessage> claimed = claim(due.subList(from, Math.min(due.size(), from + BATCH)));
                if (claimed.isEmpty()) {
                    continue;
                }
                int delivered = send(claimed);
                sent += delivered;
                if (delivered == 0) {
                    break dispatching;
                }
            }
        }
        if (sent > 0) {
            log.debug("dispatched {} e-mails in {} ms", sent, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static final int BATCH = 50;
    /** Due messages looked up at once: finding them reads the whole collection, claiming them goes by _id. */
    private static final int LOOK_AHEAD = 20 * BATCH;
    private static final String CLAIM = "claim";

    /** The ids of the oldest due messages, at most {@link #LOOK_AHEAD}. */
    private List<String> due() {
        Query due = query(where("state").is(EmailMessage.State.PENDING).and("nextAttemptAt").lte(clock.instant()))
                .with(Sort.by("nextAttemptAt")).limit(LOOK_AHEAD);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, mongo.getCollectionName(EmailMessage.class)).stream()
                .map(document -> document.getString("_id")).toList();
    }

    /**
     * Claims those of the messages still due with one conditional update (atomic per message: a message another
     * replica claimed first is no longer PENDING and is left alone), then reads back the ones this call claimed.
     */
    private List<EmailMessage> claim(List<String> ids) {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        mongo.updateMulti(query(where("_id").in(ids).and("state").is(EmailMessage.State.PENDING)
                        .and("nextAttemptAt").lte(now)),
                new Update().set("state", EmailMessage.State.SENDING).set("claimedAt", now).set(CLAIM, claim),
                EmailMessage.class);
        return mongo.find(query(where("_id").in(ids).and(CLAIM).is(claim).and("state").is(EmailMessage.State.SENDING))
                .with(Sort.by("nextAttemptAt")), EmailMessage.class);
    }

    /**
     * Sends a claimed batch over one connection and records each message's outcome on its own: a message the
     * server refused is retried or failed, the others of the batch are sent. Returns how many were sent.
     */
    private int send(List<EmailMessage> batch) {
        Map<MimeMessage, EmailMessage> prepared = new LinkedHashMap<>();
        for (EmailMessage message : batch) {
            try {
                prepared.put(mime(message), message);
            } catch (Exception e) {
                failed(message, e);
            }
        }
        if (prepared.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failures = Map.of();
        Exception all = null;
        try {
            mail.send(prepared.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
            if (failures.isEmpty() && !closingFailedAfterSending(e)) {
                all = e;
            }
        } catch (Exception e) {
            all = e;
        }
        int sent = 0;
        for (var entry : prepared.entrySet()) {
            Exception failure = all != null ? all : failures.get(entry.getKey());
            if (failure == null) {
                entry.getValue().sent(clock.instant());
                meters.counter("ocop.notification.email.sent").increment();
                mongo.save(entry.getValue());
                sent++;
            } else {
                failed(entry.getValue(), failure);
            }
        }
        return sent;
    }

    /** Spring's sender reports a failed QUIT after every message went through with no failed messages. */
    private static boolean closingFailedAfterSending(MailSendException e) {
        return e.getMessage() != null && e.getMessage().contains("after message sending");
    }

    private MimeMessage mime(EmailMessage message) throws Exception {
        var mime = mail.createMimeMessage();
        var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.getTo());
        helper.setSubject(message.getSubject());
        helper.setText(message.getText(), message.getHtml());
        return mime;
    }

    private void failed(EmailMessage message, Exception e) {
        int attempt = message.getAttempts() + 1;
        Instant next = attempt >= maxAttempts ? null : clock.instant().plus(backoffFor(attempt));
        log.warn("e-mail {} attempt {} failed: {}", message.getId(), attempt, e.toString());
        message.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), next);
        meters.counter(next == null ? "ocop.notification.email.failed" : "ocop.notification.email.retried").increment();
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
