package vn.ocop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import vn.ocop.systemtests.support.Http;
import vn.ocop.systemtests.support.PlatformExtension;
import vn.ocop.systemtests.support.Programme;
import vn.ocop.systemtests.support.Programme.Applicant;
import vn.ocop.systemtests.support.Summary;
import vn.ocop.systemtests.support.SystemPlatform;
import vn.ocop.systemtests.support.WebhookReceiver;

/**
 * Issue 7's authorization matrix, through the gateway into the real services with real tokens from
 * identity-service: every route × every kind of caller (anonymous, province officer, locality officer of the
 * resource's own locality and of another one, a member of the resource's council and a member of another, a
 * department officer, a machine client) → the expected status, all from the one table below.
 *
 * <p>Requests are chosen so that the authorization decision is observable without changing anything that matters:
 * where an allowed caller would change state, the request is one the service refuses for another reason after the
 * access check (withdrawing a withdrawn dossier → 409, an incomplete body → 422, an unknown id → 404), so a 403
 * can only come from the access rules. dossier-service answers a record that exists but belongs to another
 * locality (or, for a council member, to no session of theirs) as missing: 404 (422 where the id is in the body),
 * exactly as for an id that never existed; 403 is kept for roles that never reach such records. "-" marks a cell not sent (it would start a rebuild or send mail; the
 * services' own tests cover those). It runs first, while the platform clock is on 8 June 2020, because a 2020
 * district officer can only create the data it needs (its own dossiers) while its district exists.
 */
@Order(-1)
@ExtendWith(PlatformExtension.class)
class A00AuthorizationMatrixTest {

    private static final String S = "authorization";
    private static final String REGIME = "QD1048-2019";
    private static final List<String> CALLERS = List.of("ANON", "PROV", "LOC_OWN", "LOC_OTHER", "COUNCIL",
            "COUNCIL_OUT", "DEPT", "MACH");

    private record Route(String method, String path, Supplier<Object> body, String expected) {
    }

    private record Upload(String filename, String type, byte[] content) {
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheAccessRulesSay() throws Exception {
        SystemPlatform p = SystemPlatform.get();
        Http http = p.http;
        Programme programme = new Programme(http);
        String admin = p.adminToken;
        String own = p.officerTokens.get("longxuyen");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ANON", null);
        tokens.put("PROV", admin);
        tokens.put("LOC_OWN", own);
        tokens.put("LOC_OTHER", p.officerTokens.get("chaudoc"));
        tokens.put("COUNCIL", p.memberTokens.get("hoidong1"));
        tokens.put("COUNCIL_OUT", p.memberTokens.get("hoidong5"));
        tokens.put("DEPT", p.departmentToken);
        tokens.put("MACH", p.machineToken);

        // ---- the data the routes point at, all of Long Xuyên (883) --------------------------------------------
        String roundId = programme.openRound(admin, "Đợt kiểm tra phân quyền 2020", REGIME, List.of("883"), 1,
                LocalDate.of(2020, 6, 30));
        Http.Response sheetImport = http.upload("/api/evaluation/rulebooks/" + REGIME + "/sheets?criteriaSet=8", admin,
                "qd1048-bo-8.csv", "text/csv", A0Programme2020Test.syntheticSheet());
        assertThat(sheetImport.status()).as(sheetImport.toString()).isEqualTo(201);
        Applicant draft = programme.prepare(own, roundId, "883", "HTX Phân quyền Một", "Khô cá phân quyền một", 8, "Ấp 1");
        Applicant assigned = programme.prepare(own, roundId, "883", "HTX Phân quyền Hai", "Khô cá phân quyền hai", 8,
                "Ấp 2");
        Applicant withdrawn = programme.prepare(own, roundId, "883", "HTX Phân quyền Ba", "Khô cá phân quyền ba", 8,
                "Ấp 3");
        Applicant rated = programme.prepare(own, roundId, "883", "HTX Phân quyền Bốn", "Khô cá phân quyền bốn", 8,
                "Ấp 4");
        assertThat(http.postJson("/api/dossier/dossiers/" + withdrawn.dossierId() + "/withdraw", own,
                Map.of("reason", "Chủ thể rút hồ sơ")).status()).isEqualTo(200);
        for (Applicant applicant : List.of(assigned, rated)) {
            assertThat(programme.submitWhenRoundKnown(own, applicant.dossierId()).status()).isEqualTo(200);
        }
        String draftDocument = programme.dossier(own, draft.dossierId()).get("documents").get(0).get("id").asString();
        String assignedDocument = programme.dossier(own, assigned.dossierId()).get("documents").get(0).get("id")
                .asString();
        Map<String, String> caseOf = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Applicant applicant : List.of(assigned, rated)) {
                List<JsonNode> cases = programme.cases(admin, applicant.dossierId());
                assertThat(cases).hasSize(1);
                caseOf.put(applicant.dossierId(), cases.get(0).get("id").asString());
            }
        });
        List<String> members = List.of("hoidong1", "hoidong2", "hoidong3");
        Http.Response council = http.postJson("/api/evaluation/councils", admin, Map.of("name",
                "Tổ kiểm tra phân quyền", "level", "PROVINCE", "chairId", "hoidong1", "memberIds", members));
        assertThat(council.status()).as(council.toString()).isEqualTo(201);
        String councilId = council.json().get("id").asString();
        String sessionId = session(http, admin, councilId, "2020-06-20");
        String closedSession = session(http, admin, councilId, "2020-06-21");
        assertThat(http.postJson("/api/evaluation/sessions/" + closedSession + "/closure", admin, Map.of()).status())
                .isEqualTo(200);
        String assignedCase = caseOf.get(assigned.dossierId());
        String ratedCase = caseOf.get(rated.dossierId());
        assertThat(http.postJson("/api/evaluation/sessions/" + sessionId + "/cases", admin,
                Map.of("caseIds", List.of(assignedCase, ratedCase))).status()).isEqualTo(200);
        Http.Response rubric = http.get("/api/evaluation/rulebooks/" + REGIME + "/sheets/8", admin);
        Map<String, String> choices = Programme.choices(rubric.json().get("sheet"), 85);
        for (String member : members) {
            String path = "/api/evaluation/sessions/" + sessionId + "/cases/" + ratedCase + "/sheets/" + member;
            assertThat(http.putJson(path, p.memberTokens.get(member), Programme.sheetBody(choices)).status())
                    .isEqualTo(200);
            assertThat(http.postJson(path + "/signature", p.memberTokens.get(member), Map.of()).status())
                    .isEqualTo(200);
        }
        Http.Response decided = http.postJson("/api/evaluation/sessions/" + sessionId + "/cases/" + ratedCase
                + "/decision", admin, Map.of("decisionNumber", "1500/QĐ-UBND", "decisionDate", "2020-06-08"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        String certificate = decided.json().get("certificate").get("number").asString();
        // dossier-service learns the council's assignment from SessionAssigned
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> http.get(
                "/api/dossier/dossiers/" + assigned.dossierId(), tokens.get("COUNCIL")).status() == 200);

        Http.Response period = http.postJson("/api/reporting/report-periods", admin, Map.of("kind", "QUARTER",
                "label", "Báo cáo quý II/2020 (kiểm tra phân quyền)", "startDate", "2020-04-01", "endDate",
                "2020-06-30", "dueDate", "2020-07-10", "units", List.of(Map.of("unitType", "LOCALITY", "unitCode",
                        "883"), Map.of("unitType", "DEPARTMENT", "unitCode", "SO-NNPTNT"))));
        assertThat(period.status()).as(period.toString()).isEqualTo(201);
        String periodId = period.json().get("periodId").asString();
        Http.Response ownReport = http.postJson("/api/reporting/report-periods/" + periodId + "/reports", own,
                Map.of("figures", Map.of("products_submitted", 2), "narrative", "Long Xuyên báo cáo quý II",
                        "attachment", Map.of("fileName", "phụ lục.txt", "contentType", "text/plain", "contentBase64",
                                Base64.getEncoder().encodeToString("Phụ lục số liệu".getBytes(StandardCharsets.UTF_8)))));
        assertThat(ownReport.status()).as(ownReport.toString()).isEqualTo(201);
        Http.Response departmentReport = http.postJson("/api/reporting/report-periods/" + periodId + "/reports",
                p.departmentToken, Map.of("figures", Map.of("products_submitted", 0), "narrative", "Sở NN&PTNT"));
        assertThat(departmentReport.status()).as(departmentReport.toString()).isEqualTo(201);
        int generation = http.get("/api/reporting/admin/projections", admin).json().get("activeGeneration").asInt();

        Http.Response deadline = http.postJson("/api/notification/deadlines", admin, Map.of("title",
                "Nộp danh sách sản phẩm tiềm năng", "dueDate", "2020-06-09", "units", List.of("883"),
                "offsets", List.of(1)));
        assertThat(deadline.status()).as(deadline.toString()).isEqualTo(201);
        String deadlineId = deadline.json().get("id").asString();
        Http.Response closedDeadline = http.postJson("/api/notification/deadlines", admin, Map.of("title",
                "Hạn đã đóng", "dueDate", "2020-06-30", "units", List.of("883")));
        String closedDeadlineId = closedDeadline.json().get("id").asString();
        assertThat(http.send("DELETE", "/api/notification/deadlines/" + Http.encode(closedDeadlineId), admin, null,
                null).status()).isEqualTo(204);
        String[] inboxItem = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            http.postJson("/api/notification/reminders/run", admin, Map.of());
            Http.Response inbox = http.get("/api/notification/inbox", own);
            inboxItem[0] = null;
            for (JsonNode item : inbox.json()) {
                if (item.get("reference").asString().equals(deadlineId)) {
                    inboxItem[0] = item.get("id").asString();
                }
            }
            assertThat(inboxItem[0]).as("Long Xuyên's reminder of the custom deadline").isNotNull();
        });
        WebhookReceiver receiver = new WebhookReceiver();
        Http.Response subscription = http.postJson("/api/notification/webhooks/subscriptions", p.machineToken,
                Map.of("url", receiver.url(), "eventTypes", List.of("CertificateRevoked"),
                        "description", "Kiểm tra phân quyền"));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        String webhook = subscription.json().get("id").asString();

        // ---- the table ---------------------------------------------------------------------------------------
        String d = "/api/dossier";
        String e = "/api/evaluation";
        String r = "/api/reporting";
        String n = "/api/notification";
        String sheetOf = e + "/sessions/" + sessionId + "/cases/" + assignedCase + "/sheets";
        String periodPath = r + "/report-periods/" + periodId;
        Map<String, Object> entityBody = new LinkedHashMap<>();
        int[] entitySequence = {0};
        Supplier<Object> newEntity = () -> Map.of("type", "HOUSEHOLD", "name", "Hộ kinh doanh phân quyền "
                + (++entitySequence[0]), "representative", Map.of("name", "Trần Văn Bình", "female", false,
                        "ethnicMinority", false), "address", Map.of("street", "Ấp 5", "localityCode", "883"));
        Supplier<Object> empty = Map::of;
        Upload csv = new Upload("bo-tieu-chi.csv", "text/csv", "title,description,level,stars,score\n"
                .getBytes(StandardCharsets.UTF_8));
        Upload pdf = new Upload("bo-sung.pdf", "application/pdf", Programme.pdf("bo sung"));
        List<Route> routes = new ArrayList<>(List.of(
                // dossier-service                                               ANON PROV OWN  OTHER CNCL OUT  DEPT MACH
                new Route("GET", d + "/localities", null,                             "401 200 200 200 200 200 200 200"),
                new Route("POST", d + "/entities", newEntity,                         "401 201 201 403 403 403 403 403"),
                new Route("GET", d + "/entities/" + draft.entityId(), null,          "401 200 200 404 403 403 403 403"),
                new Route("PUT", d + "/entities/" + draft.entityId(), () -> Map.of("type", "HOUSEHOLD", "name",
                        "HTX Phân quyền Một", "representative", Map.of("name", "Nguyễn Thị Hạnh", "female", true,
                                "ethnicMinority", false), "address", Map.of("street", "Ấp 1", "localityCode", "884")),
                                                                                      "401 422 422 404 403 403 403 403"),
                new Route("GET", d + "/entities/" + draft.entityId() + "/products", null,
                                                                                      "401 200 200 404 403 403 403 403"),
                new Route("POST", d + "/products", () -> Map.of("entityId", draft.entityId(), "name", "Sai nhóm",
                        "criteriaSetCode", 1, "productGroup", "DO_UONG"),             "401 422 422 404 403 403 403 403"),
                new Route("GET", d + "/products/" + draft.productId(), null,         "401 200 200 404 403 403 403 403"),
                new Route("POST", d + "/dossiers", () -> Map.of("entityId", draft.entityId(), "productId",
                        assigned.productId(), "roundId", roundId),                    "401 422 422 422 403 403 403 403"),
                new Route("GET", d + "/dossiers", null,                               "401 200 200 200 200 200 200 200"),
                new Route("GET", d + "/dossiers/" + draft.dossierId(), null,         "401 200 200 404 404 404 403 403"),
                new Route("GET", d + "/dossiers/" + assigned.dossierId(), null,      "401 200 200 404 200 404 403 403"),
                new Route("GET", d + "/dossiers/" + assigned.dossierId() + "/history", null,
                                                                                      "401 200 200 404 200 404 403 403"),
                new Route("GET", d + "/dossiers/" + assigned.dossierId() + "/documents", null,
                                                                                      "401 200 200 404 200 404 403 403"),
                new Route("GET", d + "/dossiers/" + draft.dossierId() + "/documents/" + draftDocument, null,
                                                                                      "401 200 200 404 404 404 403 403"),
                new Route("PUT", d + "/dossiers/" + withdrawn.dossierId(), () -> Map.of("roundId", roundId),
                                                                                      "401 409 409 404 403 403 403 403"),
                new Route("POST", d + "/dossiers/" + withdrawn.dossierId() + "/submit", empty,
                                                                                      "401 409 409 404 403 403 403 403"),
                new Route("POST", d + "/dossiers/" + withdrawn.dossierId() + "/return", empty,
                                                                                      "401 409 403 403 403 403 403 403"),
                new Route("POST", d + "/dossiers/" + withdrawn.dossierId() + "/resubmit", empty,
                                                                                      "401 409 409 404 403 403 403 403"),
                new Route("POST", d + "/dossiers/" + withdrawn.dossierId() + "/withdraw", empty,
                                                                                      "401 409 409 404 403 403 403 403"),
                new Route("POST", d + "/dossiers/" + assigned.dossierId() + "/documents?kind=BUSINESS_PLAN",
                        () -> pdf,                                                    "401 409 409 404 403 403 403 403"),
                new Route("DELETE", d + "/dossiers/" + assigned.dossierId() + "/documents/" + assignedDocument, null,
                                                                                      "401 409 409 404 403 403 403 403"),
                // evaluation-service
                new Route("GET", e + "/rounds", null,                                 "401 200 200 200 200 200 200 200"),
                new Route("GET", e + "/rounds/" + roundId, null,                      "401 200 200 200 200 200 200 200"),
                new Route("POST", e + "/rounds", () -> Map.of("name", "Thiếu hạn", "regimeCode", REGIME,
                        "level", "PROVINCE"),                                         "401 422 403 403 403 403 403 403"),
                new Route("GET", e + "/rulebooks/regimes", null,                      "401 200 200 200 200 200 200 200"),
                new Route("GET", e + "/rulebooks/" + REGIME + "/sheets/8", null,      "401 200 200 200 200 200 200 200"),
                new Route("POST", e + "/rulebooks/" + REGIME + "/sheets", () -> csv,  "401 422 403 403 403 403 403 403"),
                new Route("POST", e + "/rulebooks/" + REGIME + "/sheets/8/versions/999/corrections",
                        () -> Map.of("corrections", List.of()),                       "401 404 403 403 403 403 403 403"),
                new Route("GET", e + "/cases?dossierId=" + assigned.dossierId(), null,
                                                                                      "401 200 403 403 403 403 403 403"),
                new Route("GET", e + "/cases/" + assignedCase, null,                  "401 200 403 403 403 403 403 403"),
                new Route("GET", e + "/certificates", null,                           "401 200 200 200 200 200 200 200"),
                new Route("GET", e + "/certificates/" + certificate, null,            "401 200 200 403 200 200 200 200"),
                new Route("POST", e + "/certificates/" + certificate + "/revocation", empty,
                                                                                      "401 422 403 403 403 403 403 403"),
                new Route("POST", e + "/councils", empty,                             "401 422 403 403 403 403 403 403"),
                new Route("GET", e + "/councils/" + councilId, null,                  "401 200 403 403 200 403 403 403"),
                new Route("POST", e + "/councils/" + councilId + "/conflicts", () -> Map.of("entityId", ""),
                                                                                      "401 422 403 403 422 422 403 403"),
                new Route("POST", e + "/sessions", empty,                             "401 422 403 403 403 403 403 403"),
                new Route("GET", e + "/sessions/" + sessionId, null,                  "401 200 403 403 200 403 403 403"),
                new Route("POST", e + "/sessions/" + sessionId + "/cases", () -> Map.of("caseIds", List.of("khong-co")),
                                                                                      "401 422 403 403 403 403 403 403"),
                new Route("POST", e + "/sessions/" + closedSession + "/closure", empty,
                                                                                      "401 409 403 403 403 403 403 403"),
                new Route("PUT", sheetOf + "/hoidong1", () -> Map.of("choices", List.of()),
                                                                                      "401 403 403 403 200 403 403 403"),
                new Route("POST", sheetOf + "/hoidong1/signature", empty,             "401 403 403 403 422 403 403 403"),
                new Route("GET", sheetOf + "/hoidong1", null,                         "401 200 403 403 200 403 403 403"),
                new Route("GET", sheetOf, null,                                       "401 200 403 403 200 403 403 403"),
                new Route("POST", e + "/sessions/" + sessionId + "/cases/" + assignedCase + "/rescoring", empty,
                                                                                      "401 422 403 403 403 403 403 403"),
                new Route("POST", e + "/sessions/" + sessionId + "/cases/" + assignedCase + "/decision", empty,
                                                                                      "401 422 403 403 403 403 403 403"),
                // reporting-service
                new Route("GET", r + "/catalogue/products", null,                     "200 200 200 200 200 200 200 200"),
                new Route("GET", r + "/statistics", null,                             "401 200 200 200 403 403 200 403"),
                new Route("GET", r + "/statistics?locality=883", null,                "401 200 200 403 403 403 200 403"),
                new Route("GET", r + "/statistics/export?format=csv", null,           "401 200 200 200 403 403 200 403"),
                new Route("POST", r + "/report-periods", () -> Map.of("kind", "QUARTER", "label", "Sai ngày",
                        "startDate", "2020-07-01", "endDate", "2020-06-01", "dueDate", "2020-07-10", "units",
                        List.of(Map.of("unitType", "LOCALITY", "unitCode", "883"))), "401 422 403 403 403 403 403 403"),
                new Route("GET", r + "/report-periods", null,                         "401 200 200 200 403 403 200 403"),
                new Route("GET", periodPath, null,                                    "401 200 200 404 403 403 200 403"),
                new Route("POST", periodPath + "/reports", () -> Map.of("figures", Map.of("products_submitted", 2),
                        "narrative", "lần hai"),                                      "401 403 409 403 403 403 409 403"),
                new Route("GET", periodPath + "/reports", null,                       "401 200 200 404 403 403 200 403"),
                new Route("GET", periodPath + "/reports/LOCALITY/883/attachment", null,
                                                                                      "401 200 200 404 403 403 200 403"),
                new Route("GET", periodPath + "/status", null,                        "401 200 200 404 403 403 200 403"),
                new Route("GET", periodPath + "/consolidated", null,                  "401 200 403 403 403 403 200 403"),
                new Route("GET", periodPath + "/consolidated/export?format=csv", null,
                                                                                      "401 200 403 403 403 403 200 403"),
                new Route("GET", r + "/admin/projections", null,                      "401 200 403 403 403 403 403 200"),
                new Route("DELETE", r + "/admin/projections/generations/" + generation, null,
                                                                                      "401 409 403 403 403 403 403 409"),
                new Route("POST", r + "/admin/projections/rebuild", empty,            "401 - 403 403 403 403 403 -"),
                // notification-service
                new Route("GET", n + "/inbox", null,                                  "401 200 200 200 200 200 200 200"),
                new Route("GET", n + "/inbox/unread-count", null,                     "401 200 200 200 200 200 200 200"),
                new Route("POST", n + "/inbox/" + inboxItem[0] + "/read", empty,      "401 404 204 404 404 404 404 404"),
                new Route("POST", n + "/inbox/read-all", empty,                       "401 200 200 200 200 200 200 200"),
                new Route("GET", n + "/emails", null,                                 "401 200 403 403 403 403 403 403"),
                new Route("POST", n + "/emails/khong-co/retry", empty,                "401 404 403 403 403 403 403 403"),
                new Route("GET", n + "/address-book", null,                           "401 200 403 403 403 403 403 403"),
                new Route("GET", n + "/address-book/890", null,                       "401 404 403 403 403 403 403 403"),
                new Route("PUT", n + "/address-book/883", () -> Map.of("contacts", List.of(Map.of("email", "khong-hop-le"))),
                                                                                      "401 422 403 403 403 403 403 403"),
                new Route("DELETE", n + "/address-book/890", null,                    "401 204 403 403 403 403 403 403"),
                new Route("GET", n + "/deadlines", null,                              "401 200 403 403 403 403 403 403"),
                new Route("GET", n + "/deadlines/" + Http.encode(deadlineId), null,   "401 200 403 403 403 403 403 403"),
                new Route("POST", n + "/deadlines", empty,                            "401 422 403 403 403 403 403 403"),
                new Route("DELETE", n + "/deadlines/" + Http.encode(closedDeadlineId), null,
                                                                                      "401 204 403 403 403 403 403 403"),
                new Route("POST", n + "/deadlines/" + Http.encode(deadlineId) + "/done/883", empty,
                                                                                      "401 200 200 403 403 403 403 403"),
                new Route("GET", n + "/reminders", null,                              "401 200 403 403 403 403 403 403"),
                new Route("POST", n + "/reminders/run", empty,                        "401 - 403 403 403 403 403 403"),
                new Route("POST", n + "/webhooks/subscriptions", empty,               "401 422 403 403 403 403 403 422"),
                new Route("GET", n + "/webhooks/subscriptions", null,                 "401 200 403 403 403 403 403 200"),
                new Route("GET", n + "/webhooks/subscriptions/" + webhook, null,      "401 200 403 403 403 403 403 200"),
                new Route("GET", n + "/webhooks/subscriptions/" + webhook + "/secret", null,
                                                                                      "401 200 403 403 403 403 403 200"),
                new Route("POST", n + "/webhooks/subscriptions/" + webhook + "/enable", empty,
                                                                                      "401 200 403 403 403 403 403 200"),
                new Route("GET", n + "/webhooks/subscriptions/" + webhook + "/deliveries", null,
                                                                                      "401 200 403 403 403 403 403 200"),
                new Route("POST", n + "/webhooks/subscriptions/" + webhook + "/deliveries/khong-co/redeliver", empty,
                                                                                      "401 404 403 403 403 403 403 404"),
                new Route("DELETE", n + "/webhooks/subscriptions/" + webhook, null,   "401 - 403 403 403 403 403 204")));
        // the operations endpoints every service has (chassis)
        for (String service : List.of(d, e, r, n)) {
            routes.add(new Route("GET", service + "/admin/dead-letters", null,        "401 200 403 403 403 403 403 200"));
            routes.add(new Route("POST", service + "/admin/dead-letters/0/999999999/replay", empty,
                                                                                      "401 404 403 403 403 403 403 404"));
            routes.add(new Route("GET", service + "/admin/clock", null,               "401 200 403 403 403 403 403 200"));
            routes.add(new Route("PUT", service + "/admin/clock", () -> Map.of("now", "2019-01-01T00:00:00+07:00"),
                                                                                      "401 409 403 403 403 403 403 409"));
        }

        // ---- run it ------------------------------------------------------------------------------------------
        List<String> mismatches = new ArrayList<>();
        int sent = 0;
        int problems = 0;
        for (Route route : routes) {
            String[] expected = route.expected().split(" +");
            assertThat(expected).as(route.method() + " " + route.path()).hasSize(CALLERS.size());
            for (int i = 0; i < CALLERS.size(); i++) {
                if (expected[i].equals("-")) {
                    continue;
                }
                Http.Response response = call(http, route, tokens.get(CALLERS.get(i)));
                sent++;
                if (response.status() != Integer.parseInt(expected[i])) {
                    mismatches.add(route.method() + " " + route.path() + " as " + CALLERS.get(i) + ": expected "
                            + expected[i] + ", got " + response);
                }
                if (response.status() >= 400) {
                    problems += response.isProblem() ? 1 : 0;
                    if (!response.isProblem()) {
                        mismatches.add(route.method() + " " + route.path() + " as " + CALLERS.get(i)
                                + ": error without application/problem+json: " + response);
                    }
                }
            }
        }
        int requests = sent;
        int problemBodies = problems;
        Summary.check(S, "route × caller matrix through the gateway into the services (" + routes.size()
                + " routes × " + CALLERS.size() + " callers, one table)", requests + " requests, " + mismatches.size()
                + " mismatches, " + problemBodies + " problem+json error bodies", () -> assertThat(mismatches)
                        .as(String.join("\n", mismatches)).isEmpty());

        // lists are filtered, never leaked
        List<String> leaks = new ArrayList<>();
        expectListed(http, d + "/dossiers?size=100", tokens.get("LOC_OTHER"), draft.dossierId(), false, leaks);
        expectListed(http, d + "/dossiers?size=100", own, draft.dossierId(), true, leaks);
        expectListed(http, d + "/dossiers?size=100", tokens.get("COUNCIL"), assigned.dossierId(), true, leaks);
        expectListed(http, d + "/dossiers?size=100", tokens.get("COUNCIL"), draft.dossierId(), false, leaks);
        expectListed(http, d + "/dossiers?size=100", tokens.get("DEPT"), draft.dossierId(), false, leaks);
        expectListed(http, d + "/entities?size=100", tokens.get("LOC_OTHER"), draft.entityId(), false, leaks);
        expectListed(http, e + "/certificates", tokens.get("LOC_OTHER"), certificate, false, leaks);
        expectListed(http, e + "/certificates", own, certificate, true, leaks);
        expectListed(http, r + "/report-periods", tokens.get("LOC_OTHER"), periodId, false, leaks);
        expectListed(http, r + "/report-periods", own, periodId, true, leaks);
        Summary.check(S, "lists filtered by locality and assignment (dossiers, entities, certificates, periods)",
                leaks.isEmpty() ? "10 list checks" : leaks.toString(), () -> assertThat(leaks).isEmpty());
        receiver.close();
    }

    private static String session(Http http, String admin, String councilId, String date) {
        Http.Response session = http.postJson("/api/evaluation/sessions", admin, Map.of("councilId", councilId,
                "sessionDate", date));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.json().get("id").asString();
    }

    private static Http.Response call(Http http, Route route, String token) {
        Object body = route.body() == null ? null : route.body().get();
        if (body instanceof Upload upload) {
            return route.method().equals("POST") ? http.upload(route.path(), token, upload.filename(), upload.type(),
                    upload.content()) : http.send(route.method(), route.path(), token, null, null);
        }
        if (body == null) {
            return http.send(route.method(), route.path(), token, null, null);
        }
        return http.send(route.method(), route.path(), token, "application/json",
                Http.JSON.writeValueAsBytes(body));
    }

    private static void expectListed(Http http, String path, String token, String id, boolean listed,
            List<String> leaks) {
        Http.Response response = http.get(path, token);
        boolean found = response.status() == 200 && response.body().contains(id);
        if (found != listed) {
            leaks.add(path + (listed ? " misses " : " leaks ") + id + " (HTTP " + response.status() + ")");
        }
    }
}
