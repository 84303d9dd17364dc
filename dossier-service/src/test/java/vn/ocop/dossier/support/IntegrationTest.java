package vn.ocop.dossier.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.dossier.rounds.RoundCatalog;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/**
 * Base of the module's integration tests: every subclass shares ONE Spring context (same annotations, same
 * properties), one real Kafka broker and one MongoDB-wire server.
 */
@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final String TAN_CHAU = "887";
    protected static final String AN_PHU = "886";
    protected static final String CHAU_DOC = "884";
    protected static final byte[] PDF = "%PDF-1.7\n% Tài liệu mẫu\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong SEQUENCE = new AtomicLong(1);

    @LocalServerPort
    protected int port;

    @Autowired
    protected RoundCatalog rounds;

    protected Api api;

    @org.junit.jupiter.api.BeforeEach
    void api() {
        api = new Api(port);
    }

    protected static String officer(String locality) {
        return TestTokens.localityOfficer(locality);
    }

    protected static String province() {
        return TestTokens.provinceOfficer();
    }

    protected static long nextSequence() {
        return SEQUENCE.incrementAndGet();
    }

    /** Opens a round as evaluation-service would and waits until the service knows it. */
    protected String openRound(LocalDate deadline, String... localities) {
        String roundId = "dot-" + UUID.randomUUID();
        RoundOpened opened = new RoundOpened(roundId, "Đợt đánh giá sản phẩm OCOP năm 2025", "QD148-2023",
                CouncilLevel.PROVINCE, deadline, List.of(deadline.plusDays(20)),
                Arrays.stream(localities).map(code -> new RoundLocality(code, 3)).toList(), Instant.now(), "province");
        Events.publish(opened, roundId, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> rounds.find(roundId).isPresent());
        return roundId;
    }

    protected String createEntity(String token, String locality, String name) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("type", "COOPERATIVE");
        entity.put("name", name);
        entity.put("taxCode", "1600" + (100000 + (int) (Math.random() * 899999)));
        entity.put("representative", Map.of("name", "Nguyễn Thị Lan", "female", true, "ethnicMinority", false));
        entity.put("address", Map.of("street", "Ấp Long Hưng", "localityCode", locality));
        Api.Response created = api.post("/entities", token, entity);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    protected String createProduct(String token, String entityId, String name, int criteriaSet) {
        Api.Response created = api.post("/products", token, Map.of("entityId", entityId, "name", name,
                "criteriaSetCode", criteriaSet, "description", "Sản phẩm truyền thống của địa phương"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    protected String createDossier(String token, String entityId, String productId, String roundId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entityId", entityId);
        body.put("productId", productId);
        body.put("roundId", roundId);
        Api.Response created = api.post("/dossiers", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    /** A draft with entity, product and every required document, in a round open to its locality. */
    protected String completeDraft(String locality, String productName, String roundId) {
        String token = officer(locality);
        String entity = createEntity(token, locality, "HTX " + productName);
        String product = createProduct(token, entity, productName, 8);
        String dossier = createDossier(token, entity, product, roundId);
        for (String kind : List.of("REGISTRATION_FORM", "BUSINESS_PLAN", "ORGANISATION_DESCRIPTION",
                "BUSINESS_REGISTRATION")) {
            Api.Response uploaded = api.upload("/dossiers/" + dossier + "/documents?kind=" + kind, token,
                    kind.toLowerCase() + ".pdf", PDF);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        }
        return dossier;
    }

    protected String status(String dossierId) {
        return api.get("/dossiers/" + dossierId, province()).text("status");
    }
}
