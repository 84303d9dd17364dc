package vn.ocop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.notification.TestSupportConfiguration.MovableClock;
import vn.ocop.notification.TestSupportConfiguration.TestSmtp;
import vn.ocop.notification.units.UnitDirectory;

/** Many queued e-mails: one dispatch sends everything due, in batches over one connection, each message once. */
@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailBatchDispatchTest {

    private static final Logger log = LoggerFactory.getLogger(EmailBatchDispatchTest.class);

    @Autowired
    TestSmtp smtp;
    @Autowired
    MovableClock clock;
    @Autowired
    MongoOperations mongo;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    EmailTemplates templates;
    @Autowired
    UnitDirectory units;
    @Autowired
    MeterRegistry meters;

    @Test
    void fiveHundredQueuedEmailsAreAllDeliveredOnceByOneDispatchEvenWithCompetingReplicas() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<EmailMessage> queued = queue(marker, 500, clock.instant());
        long started = System.nanoTime();
        // two dispatches at once (as two replicas would), beside the scheduled one of the context
        var first = CompletableFuture.runAsync(outbox::dispatch);
        var second = CompletableFuture.runAsync(outbox::dispatch);
        first.join();
        second.join();
        log.info("e-mail timing: 500 queued e-mails dispatched in {} ms", (System.nanoTime() - started) / 1_000_000);
        assertThat(mongo.count(query(where("noticeKey").is("bulk:" + marker).and("state")
                .is(EmailMessage.State.PENDING)), EmailMessage.class))
                .as("one dispatch leaves nothing due").isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mongo.count(query(where("noticeKey").is("bulk:" + marker).and("state")
                    .is(EmailMessage.State.SENT)), EmailMessage.class)).isEqualTo(500);
            assertThat(received(marker)).hasSize(500).allSatisfy((address, count) -> assertThat(count).isOne());
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(received(marker)).hasSize(500).allSatisfy((address, count) -> assertThat(count).isOne()));
        assertThat(received(marker).keySet())
                .isEqualTo(queued.stream().map(EmailMessage::getTo).collect(Collectors.toSet()));
    }

    @Test
    void aRefusedRecipientFailsAloneWhileTheRestOfItsBatchIsSent() {
        // a dispatcher of its own, living in 2100: the context's dispatcher does not see these messages as due
        Instant later = Instant.parse("2100-01-01T00:00:00Z");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<EmailMessage> queued = queue(marker, 120, later.minus(Duration.ofDays(1)));
        RefusingSender sender = new RefusingSender(smtp.port());
        EmailOutbox dispatcher = new EmailOutbox(mongo, sender, templates, units, Clock.fixed(later, ZoneOffset.UTC),
                meters, "ocop@localhost", 3, Duration.ofSeconds(1), Duration.ofMinutes(1));

        dispatcher.dispatch();

        Map<String, EmailMessage> stored = mongo.find(query(where("noticeKey").is("bulk:" + marker)),
                EmailMessage.class).stream().collect(Collectors.toMap(EmailMessage::getTo, Function.identity()));
        List<String> refused = queued.stream().map(EmailMessage::getTo).filter(to -> to.startsWith("refused")).toList();
        assertThat(refused).hasSize(2);
        assertThat(stored).hasSize(120).allSatisfy((address, message) -> {
            if (refused.contains(address)) {
                assertThat(message.getState()).isEqualTo(EmailMessage.State.PENDING);
                assertThat(message.getAttempts()).isEqualTo(1);
                assertThat(message.getLastError()).contains("550");
                assertThat(message.getNextAttemptAt()).isEqualTo(later.plusSeconds(1));
            } else {
                assertThat(message.getState()).isEqualTo(EmailMessage.State.SENT);
                assertThat(message.getAttempts()).isEqualTo(1);
            }
        });
        assertThat(sender.batches).as("batches over one connection, at most 50 each")
                .allSatisfy(size -> assertThat(size).isBetween(1, 50)).anySatisfy(size -> assertThat(size).isGreaterThan(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(received(marker)).hasSize(118).allSatisfy((address, count) -> assertThat(count).isOne())
                        .doesNotContainKeys(refused.toArray(String[]::new)));
    }

    private List<EmailMessage> queue(String marker, int count, Instant at) {
        List<EmailMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String to = (i % 60 == 7 ? "refused-" : "r-") + i + "-" + marker + "@bulk.example";
            messages.add(new EmailMessage("bulk:" + marker + ":" + to, "bulk:" + marker, "SO-YT", to, "vi", "TEST",
                    null, "Nhắc hạn " + i, "Nội dung " + i, "<p>Nội dung " + i + "</p>", at));
        }
        mongo.insertAll(messages);
        return messages;
    }

    /** How many messages GreenMail received per address of this run. */
    private Map<String, Integer> received(String marker) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MimeMessage message : smtp.server().getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null) {
                    Arrays.stream(recipients).map(Address::toString).filter(address -> address.contains(marker))
                            .forEach(address -> counts.merge(address, 1, Integer::sum));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    /** Sends through GreenMail, except that the server "refuses" the addresses starting with "refused". */
    static final class RefusingSender extends JavaMailSenderImpl {
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        RefusingSender(int port) {
            setHost("127.0.0.1");
            setPort(port);
            setDefaultEncoding("UTF-8");
        }

        @Override
        public void send(MimeMessage... messages) {
            batches.add(messages.length);
            List<MimeMessage> accepted = new ArrayList<>();
            Map<Object, Exception> refused = new LinkedHashMap<>();
            for (MimeMessage message : messages) {
                try {
                    if (message.getAllRecipients()[0].toString().startsWith("refused")) {
                        refused.put(message, new SendFailedException("550 5.1.1 mailbox unavailable"));
                        continue;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
                accepted.add(message);
            }
            if (!accepted.isEmpty()) {
                super.send(accepted.toArray(MimeMessage[]::new));
            }
            if (!refused.isEmpty()) {
                throw new MailSendException(refused);
            }
        }
    }
}
