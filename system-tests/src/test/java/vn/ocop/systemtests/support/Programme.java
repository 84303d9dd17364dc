package vn.ocop.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

/** The programme's operations through the gateway, as a province or locality officer would do them. */
public final class Programme {

    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Units valid today (after the 2025 merger) that dossier-service knows. */
    public static final List<String> COMMUNES_TODAY = List.of("AG-2025-XA-AN-PHU", "AG-2025-DK-PHU-QUOC",
            "AG-2025-DK-KIEN-HAI", "AG-2025-DK-THO-CHAU");
    public static final List<String> REQUIRED_KINDS = List.of("REGISTRATION_FORM", "BUSINESS_PLAN",
            "ORGANISATION_DESCRIPTION", "BUSINESS_REGISTRATION");

    private final Http http;

    public Programme(Http http) {
        this.http = http;
    }

    public record Applicant(String entityId, String productId, String dossierId, String locality, String product,
            int criteriaSet) {
    }

    public static byte[] pdf(String title) {
        String text = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] "
                + "/Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
                + "% " + title.replaceAll("[^A-Za-z0-9 ]", "") + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, 0x2e7d32);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String productGroup(int set) {
        if (set <= 13) {
            return "THUC_PHAM";
        }
        if (set <= 17) {
            return "DO_UONG";
        }
        if (set <= 20) {
            return "DUOC_LIEU";
        }
        if (set <= 22) {
            return "THU_CONG_MY_NGHE";
        }
        if (set <= 25) {
            return "SINH_VAT_CANH";
        }
        return "DICH_VU_DU_LICH";
    }

    /** POST /rounds at the province level of today's regime; returns the round id. */
    public String openRound(String token, String name, List<String> localities, int target, LocalDate deadline) {
        return openRound(token, name, "QD1489-2025", localities, target, deadline);
    }

    /** POST /rounds at the province level under {@code regime}; returns the round id. */
    public String openRound(String token, String name, String regime, List<String> localities, int target,
            LocalDate deadline) {
        List<Map<String, Object>> units = new ArrayList<>();
        localities.forEach(code -> units.add(Map.of("localityCode", code, "targetProducts", target)));
        Http.Response round = http.postJson("/api/evaluation/rounds", token, Map.of("name", name,
                "regimeCode", regime, "level", "PROVINCE", "submissionDeadline", deadline.toString(),
                "plannedSessionDates", List.of(deadline.plusDays(10).toString()), "localities", units));
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
        return round.json().get("id").asString();
    }

    public Http.Response createEntity(String token, String name, String locality, String street) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COOPERATIVE");
        body.put("name", name);
        body.put("taxCode", "16" + String.format("%08d", Math.abs(name.hashCode()) % 100_000_000));
        body.put("representative", Map.of("name", "Nguyễn Thị Hạnh", "female", true, "ethnicMinority", false));
        body.put("address", Map.of("street", street, "localityCode", locality));
        return http.postJson("/api/dossier/entities", token, body);
    }

    /** Entity, product, DRAFT dossier in the round and the four required documents (real PDF / PNG bytes). */
    public Applicant prepare(String token, String roundId, String locality, String entityName, String product,
            int criteriaSet, String street) {
        Http.Response entity = createEntity(token, entityName, locality, street);
        assertThat(entity.status()).as(entity.toString()).isEqualTo(201);
        String entityId = entity.json().get("id").asString();
        Http.Response created = http.postJson("/api/dossier/products", token, Map.of("entityId", entityId,
                "name", product, "criteriaSetCode", criteriaSet, "productGroup", productGroup(criteriaSet),
                "description", "Sản phẩm " + product + " của " + entityName + ", đặc sản địa phương."));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String productId = created.json().get("id").asString();
        Http.Response dossier = http.postJson("/api/dossier/dossiers", token,
                Map.of("entityId", entityId, "productId", productId, "roundId", roundId));
        assertThat(dossier.status()).as(dossier.toString()).isEqualTo(201);
        String dossierId = dossier.json().get("id").asString();
        for (String kind : REQUIRED_KINDS) {
            boolean image = kind.equals("ORGANISATION_DESCRIPTION");
            String filename = switch (kind) {
                case "REGISTRATION_FORM" -> "Phiếu đăng ký - " + product + ".pdf";
                case "BUSINESS_PLAN" -> "Phương án kinh doanh.pdf";
                case "ORGANISATION_DESCRIPTION" -> "Sơ đồ tổ chức.png";
                default -> "Giấy chứng nhận đăng ký HTX.pdf";
            };
            Http.Response upload = http.upload("/api/dossier/dossiers/" + dossierId + "/documents?kind=" + kind, token,
                    filename, image ? "image/png" : "application/pdf", image ? png() : pdf(product + " " + kind));
            assertThat(upload.status()).as(upload.toString()).isIn(200, 201);
        }
        return new Applicant(entityId, productId, dossierId, locality, product, criteriaSet);
    }

    /** Submits once the round is known to dossier-service (its RoundOpened read model may lag). */
    public Http.Response submitWhenRoundKnown(String token, String dossierId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(
                () -> http.postJson("/api/dossier/dossiers/" + dossierId + "/submit", token, Map.of(),
                        "Idempotency-Key", "submit-" + dossierId),
                response -> response.status() == 200 || (response.status() != 422 && response.status() != -1));
    }

    public JsonNode dossier(String token, String dossierId) {
        Http.Response response = http.get("/api/dossier/dossiers/" + dossierId, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public String status(String token, String dossierId) {
        return dossier(token, dossierId).get("status").asString();
    }

    /** Every dossier (all pages) the caller sees, optionally only of one round. */
    public List<JsonNode> dossiers(String token, String roundId) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            Http.Response response = http.get("/api/dossier/dossiers?size=100&page=" + page
                    + (roundId == null ? "" : "&round=" + roundId), token);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode items = response.json().get("items");
            items.forEach(all::add);
            if (items.size() < 100) {
                break;
            }
        }
        return all;
    }

    public long dossierTotal(String token) {
        Http.Response response = http.get("/api/dossier/dossiers?size=1", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("total").asLong();
    }

    public int listSize(String path, String token) {
        Http.Response response = http.get(path, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        return json.isArray() ? json.size() : json.has("items") ? json.get("items").size() : json.size();
    }

    /** The evaluation cases of a dossier. */
    public List<JsonNode> cases(String token, String dossierId) {
        Http.Response response = http.get("/api/evaluation/cases?dossierId=" + dossierId, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> cases = new ArrayList<>();
        response.json().forEach(cases::add);
        return cases;
    }

    // ---- scoring -------------------------------------------------------------------------------------------

    public static List<JsonNode> criteria(JsonNode sheet) {
        List<JsonNode> all = new ArrayList<>();
        sheet.get("parts").forEach(part -> part.get("groups").forEach(group -> group.get("criteria")
                .forEach(all::add)));
        return all;
    }

    private static boolean mandatory(JsonNode option) {
        JsonNode required = option.get("requiredStars");
        return required != null && !required.isNull();
    }

    private static BigDecimal score(JsonNode option) {
        return new BigDecimal(option.get("score").asString());
    }

    /** Mandatory options up to 4★ (or the lowest), then upgrades while the total stays at or below {@code cap}. */
    public static Map<String, String> choices(JsonNode sheet, int cap) {
        Map<String, String> choices = new LinkedHashMap<>();
        Map<String, JsonNode> picked = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        List<JsonNode> criteria = criteria(sheet);
        for (JsonNode criterion : criteria) {
            JsonNode pick = null;
            for (JsonNode option : criterion.get("options")) {
                JsonNode required = option.get("requiredStars");
                boolean upTo4 = required != null && !required.isNull() && required.asInt() <= 4;
                if (pick == null || (upTo4 && score(option).compareTo(score(pick)) > 0)
                        || (!mandatory(pick) && !upTo4 && score(option).compareTo(score(pick)) < 0)) {
                    pick = upTo4 || pick == null || !mandatory(pick) ? option : pick;
                }
            }
            choices.put(criterion.get("code").asString(), pick.get("code").asString());
            picked.put(criterion.get("code").asString(), pick);
            total = total.add(score(pick));
        }
        for (JsonNode criterion : criteria) {
            JsonNode best = null;
            for (JsonNode option : criterion.get("options")) {
                if (best == null || score(option).compareTo(score(best)) > 0) {
                    best = option;
                }
            }
            String code = criterion.get("code").asString();
            BigDecimal raised = total.subtract(score(picked.get(code))).add(score(best));
            if (raised.compareTo(BigDecimal.valueOf(cap)) <= 0) {
                choices.put(code, best.get("code").asString());
                picked.put(code, best);
                total = raised;
            }
        }
        return choices;
    }

    public static Map<String, Object> sheetBody(Map<String, String> choices) {
        List<Map<String, String>> list = new ArrayList<>();
        choices.forEach((criterion, option) -> list.add(Map.of("criterion", criterion, "option", option)));
        return Map.of("choices", list);
    }

    /** How many products named exactly {@code product} the anonymous catalogue lists for a search without diacritics. */
    public static long catalogueHits(Http anonymous, String product) {
        String query = java.text.Normalizer.normalize(product, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase();
        Http.Response found = anonymous.get("/api/reporting/catalogue/products?q=" + Http.encode(query), null);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        long hits = 0;
        for (JsonNode item : found.json().get("items")) {
            hits += item.get("productName").asString().equals(product) ? 1 : 0;
        }
        return hits;
    }

    /**
     * Opens a QUARTER report period for the 11 districts of 2020, lets each of {@code reporters} (officer → narrative)
     * submit {@code figures}, and returns the consolidated report.
     */
    public JsonNode quarterlyReport(String admin, String label, LocalDate start, Map<String, String> reporters,
            Map<String, Object> figures) {
        List<Map<String, String>> units = SystemPlatform.DISTRICTS_2020.keySet().stream()
                .map(code -> Map.of("unitType", "LOCALITY", "unitCode", code)).toList();
        LocalDate end = start.plusMonths(3).minusDays(1);
        Http.Response period = http.postJson("/api/reporting/report-periods", admin, Map.of("kind", "QUARTER",
                "label", label, "startDate", start.toString(), "endDate", end.toString(),
                "dueDate", end.plusDays(10).toString(), "units", units));
        assertThat(period.status()).as(period.toString()).isEqualTo(201);
        String periodId = period.json().get("periodId").asString();
        reporters.forEach((token, narrative) -> {
            Http.Response report = http.postJson("/api/reporting/report-periods/" + periodId + "/reports", token,
                    Map.of("figures", figures, "narrative", narrative));
            assertThat(report.status()).as(report.toString()).isEqualTo(201);
        });
        Http.Response consolidated = http.get("/api/reporting/report-periods/" + periodId + "/consolidated", admin);
        assertThat(consolidated.status()).as(consolidated.toString()).isEqualTo(200);
        return consolidated.json();
    }

    /** A returned dossier's business plan replaced by a new PDF, then the dossier resubmitted. */
    public void replaceBusinessPlanAndResubmit(String token, String dossierId, String filename) {
        JsonNode plan = null;
        for (JsonNode document : dossier(token, dossierId).get("documents")) {
            if (document.get("kind").asString().equals("BUSINESS_PLAN")) {
                plan = document;
            }
        }
        assertThat(plan).isNotNull();
        Http.Response deleted = http.send("DELETE", "/api/dossier/dossiers/" + dossierId + "/documents/"
                + plan.get("id").asString(), token, null, null);
        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);
        Http.Response replaced = http.upload("/api/dossier/dossiers/" + dossierId + "/documents?kind=BUSINESS_PLAN",
                token, filename, "application/pdf", pdf("bo sung"));
        assertThat(replaced.status()).as(replaced.toString()).isIn(200, 201);
        Http.Response resubmitted = http.postJson("/api/dossier/dossiers/" + dossierId + "/resubmit", token, Map.of());
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
