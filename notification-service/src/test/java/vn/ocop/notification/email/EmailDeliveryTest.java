package vn.ocop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.contracts.Topics;
import vn.ocop.notification.Api;
import vn.ocop.notification.Events;
import vn.ocop.notification.Mails;
import vn.ocop.notification.TestSupportConfiguration.MovableClock;
import vn.ocop.notification.TestSupportConfiguration.TestSmtp;
import vn.ocop.notification.notify.LocalizedText;
import vn.ocop.notification.notify.Notice;
import vn.ocop.notification.notify.Notifier;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailDeliveryTest {

    @LocalServerPort
    int port;
    @Autowired
    TestSmtp smtp;
    @Autowired
    Notifier notifier;
    @Autowired
    MovableClock clock;

    private JsonNode email(Api api, String address) {
        var list = api.get("/emails?unit=SO-YT", TestTokens.provinceOfficer());
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false)
                .filter(mail -> mail.get("to").asString().equals(address)).findFirst().orElse(null);
    }

    @Test
    void smtpDownIsRetriedThenMarkedFailedVisiblyAndCanBeRetriedByAnOfficer() {
        var api = new Api(port);
        clock.set(Instant.parse("2025-03-01T02:00:00Z"));
        String address = "van-thu-" + UUID.randomUUID().toString().substring(0, 6) + "@soyte.example";
        assertThat(api.put("/address-book/SO-YT", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"name\":\"Văn thư\",\"email\":\"" + address + "\",\"language\":\"vi\"}]}").status())
                .isEqualTo(200);
        smtp.stop();
        try {
            notifier.notify(new Notice("test:" + UUID.randomUUID(), "SO-YT", "TEST", null,
                    new LocalizedText("Thử", "Nội dung thử", "Test", "Test body")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode mail = email(api, address);
                assertThat(mail).isNotNull();
                assertThat(mail.get("state").asString()).isEqualTo("FAILED");
                assertThat(mail.get("attempts").asInt()).isEqualTo(3);
                assertThat(mail.get("lastError").asString()).isNotBlank();
            });
        } finally {
            smtp.start();
        }
        String id = email(api, address).get("id").asString();
        assertThat(api.post("/emails/" + id + "/retry", TestTokens.localityOfficer("891"), null).status()).isEqualTo(403);
        assertThat(api.post("/emails/" + id + "/retry", TestTokens.provinceOfficer(), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(email(api, address).get("state").asString()).isEqualTo("SENT");
            assertThat(Mails.to(smtp, address)).singleElement()
                    .satisfies(message -> assertThat(Mails.part(message, "text/plain")).contains("Nội dung thử"));
        });
        assertThat(api.post("/emails/" + id + "/retry", TestTokens.provinceOfficer(), null).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Events.published(Topics.NOTIFICATION_EVENTS, "vn.ocop.notification.sent.v1"))
                .anySatisfy(body -> assertThat(body).contains("\"notificationId\":\"" + id + "\"",
                        "\"channel\":\"EMAIL\"", "\"recipient\":\"" + address + "\"")));
    }

    @Test
    void addressBookIsKeptByTheProvinceAndRefusesBadInputInTheCallersLanguage() {
        var api = new Api(port);
        assertThat(api.put("/address-book/883", TestTokens.localityOfficer("883"),
                "{\"contacts\":[{\"email\":\"a@b.example\"}]}").status()).isEqualTo(403);
        var refused = api.put("/address-book/999", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"email\":\"not-an-address\",\"language\":\"fr\"}]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).hasSize(3);
        assertThat(refused.body()).contains("Không có đơn vị mã 999");
        assertThat(api.put("/address-book/884", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"name\":\"Châu Đốc\",\"email\":\"chaudoc@angiang.example\",\"language\":\"vi\"}]}")
                .status()).isEqualTo(200);
        var entry = api.get("/address-book/884", TestTokens.provinceOfficer());
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.json().get("contacts").get(0).get("email").asString()).isEqualTo("chaudoc@angiang.example");
        assertThat(api.get("/address-book/SO-CT", TestTokens.provinceOfficer()).status()).isEqualTo(404);
    }
}
