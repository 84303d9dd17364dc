package vn.ocop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.ocop.systemtests.support.Http;
import vn.ocop.systemtests.support.PlatformExtension;
import vn.ocop.systemtests.support.Programme;
import vn.ocop.systemtests.support.Programme.Applicant;
import vn.ocop.systemtests.support.Summary;
import vn.ocop.systemtests.support.SystemPlatform;

/**
 * §3 of issue 8: generated malformed requests (fixed seed, reproducible) across the write endpoints, through the
 * gateway with real tokens. Every answer must be 4xx, and nothing may change: counts of dossiers, entities,
 * rounds, accounts, clients and the documents of a real DRAFT dossier are compared before and after.
 *
 * <p>Each base body is invalid by construction in a way no single mutation repairs (unknown ids, an unknown
 * locality or regime, a role without its locality…), so that a mutation the service legitimately accepts cannot
 * create anything: the suite tests parsing and validation paths, not the happy path.
 */
@Order(3)
@ExtendWith(PlatformExtension.class)
class C3BadInputTest {

    private static final String S = "bad input";
    private static final long SEED = Long.getLong("ocop.fuzz.seed", 20200710L);

    record Endpoint(String method, String path, String tokenKind, Map<String, Object> base) {
    }

    record Case(String name, String method, String path, String tokenKind, String contentType, byte[] body) {
    }

    @TestFactory
    Stream<DynamicTest> malformedRequestsGetOnly4xxAndChangeNothing() {
        SystemPlatform p = SystemPlatform.get();
        p.realTime();
        Programme programme = new Programme(p.http);
        String admin = p.adminToken;
        String roundId = programme.openRound(admin, "Đợt kiểm thử dữ liệu xấu", Programme.COMMUNES_TODAY, 3,
                LocalDate.now(Programme.VN).plusDays(10));
        Applicant draft = programme.prepare(admin, roundId, "AG-2025-DK-KIEN-HAI", "HTX dữ liệu xấu",
                "Nước mắm dữ liệu xấu", 1, "Ấp 9");
        // notification-service turns the RoundOpened into a deadline asynchronously: wait for it before counting.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> p.http.get("/api/notification/deadlines", admin).body().contains(roundId));
        Map<String, Integer> before = snapshot(p, programme, draft);

        List<Case> cases = cases(draft);
        List<String> offenders = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case each : cases) {
            tests.add(DynamicTest.dynamicTest(each.name(), () -> {
                String token = switch (each.tokenKind()) {
                    case "member" -> p.memberTokens.get("hoidong1");
                    case "officer" -> p.officerTokens.get("anphu");
                    default -> admin;
                };
                Http.Response response = p.http.send(each.method(), each.path(), token, each.contentType(),
                        each.body());
                synchronized (statuses) {
                    statuses.merge(response.status(), 1, Integer::sum);
                }
                if (response.status() < 400 || response.status() > 499) {
                    String shown = each.body() == null ? "" : new String(each.body(), 0,
                            Math.min(300, each.body().length), StandardCharsets.UTF_8);
                    offenders.add(each.name() + ": " + each.method() + " " + each.path() + " [" + each.contentType()
                            + "] body(" + (each.body() == null ? 0 : each.body().length) + " B) " + shown + " → "
                            + response.status() + " " + (response.body() == null ? "" : response.body()
                            .substring(0, Math.min(300, response.body().length()))));
                }
                assertThat(response.status()).as(each.name() + " → " + response).isBetween(400, 499);
            }));
        }
        tests.add(DynamicTest.dynamicTest("summary: at least 1,000 requests, only 4xx, no change of state", () -> {
            Map<String, Integer> after = snapshot(p, programme, draft);
            Summary.check(S, cases.size() + " malformed requests (seed " + SEED + ") across "
                    + endpoints(draft).size() + " JSON endpoints + uploads + path ids: only 4xx",
                    "statuses " + statuses + (offenders.isEmpty() ? "" : "; " + offenders.size() + " offenders, first: "
                            + offenders.get(0)), () -> {
                        assertThat(cases.size()).isGreaterThanOrEqualTo(1000);
                        assertThat(offenders).isEmpty();
                    });
            Summary.check(S, "no change of state (counts before = after)", "before " + before + ", after " + after,
                    () -> assertThat(after).isEqualTo(before));
            if (!offenders.isEmpty()) {
                System.out.println("[system-tests] bad-input offenders (" + offenders.size() + "):");
                offenders.stream().limit(50).forEach(o -> System.out.println("  " + o));
            }
        }));
        return tests.stream();
    }

    private static Map<String, Integer> snapshot(SystemPlatform p, Programme programme, Applicant draft) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("dossiers", (int) programme.dossierTotal(p.adminToken));
        counts.put("entities", programme.listSize("/api/dossier/entities", p.adminToken));
        counts.put("rounds", programme.listSize("/api/evaluation/rounds", p.adminToken));
        counts.put("accounts", p.http.get("/api/identity/accounts?size=200", p.adminToken).json().toString()
                .split("\"username\"").length - 1);
        counts.put("clients", programme.listSize("/api/identity/clients", p.adminToken));
        counts.put("reportPeriods", programme.listSize("/api/reporting/report-periods", p.adminToken));
        counts.put("deadlines", programme.listSize("/api/notification/deadlines", p.adminToken));
        counts.put("webhookSubscriptions", programme.listSize("/api/notification/webhooks/subscriptions", p.adminToken));
        counts.put("draftDocuments", programme.dossier(p.adminToken, draft.dossierId()).get("documents").size());
        counts.put("draftVersion", programme.dossier(p.adminToken, draft.dossierId()).get("version").asInt());
        return counts;
    }

    static List<Endpoint> endpoints(Applicant draft) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("POST", "/api/dossier/entities", "admin", map("type", "COOPERATIVE",
                "name", "HTX không tồn tại", "taxCode", "1600000000", "representative",
                map("name", "Lê Văn A", "female", false, "ethnicMinority", false),
                "address", map("street", "Ấp 3", "localityCode", "00000"))));
        endpoints.add(new Endpoint("PUT", "/api/dossier/entities/E-khong-ton-tai", "admin", map("type", "HOUSEHOLD",
                "name", "Hộ không tồn tại", "address", map("street", "Ấp 3", "localityCode", "00000"))));
        endpoints.add(new Endpoint("POST", "/api/dossier/products", "admin", map("entityId", "E-khong-ton-tai",
                "name", "Sản phẩm ma", "criteriaSetCode", 1, "productGroup", "THUC_PHAM", "description", "x")));
        endpoints.add(new Endpoint("PUT", "/api/dossier/products/P-khong-ton-tai", "admin", map("entityId",
                "E-khong-ton-tai", "name", "Sản phẩm ma", "criteriaSetCode", 1, "productGroup", "THUC_PHAM")));
        endpoints.add(new Endpoint("POST", "/api/dossier/dossiers", "admin", map("entityId", "E-khong-ton-tai",
                "productId", "P-khong-ton-tai", "roundId", "R-khong-ton-tai")));
        endpoints.add(new Endpoint("POST", "/api/dossier/dossiers", "officer", map("entityId", draft.entityId(),
                "productId", draft.productId(), "roundId", "R-khong-ton-tai")));
        endpoints.add(new Endpoint("PUT", "/api/dossier/dossiers/HS-khong-ton-tai", "admin",
                map("roundId", "R-khong-ton-tai")));
        endpoints.add(new Endpoint("POST", "/api/dossier/dossiers/HS-khong-ton-tai/return", "admin",
                map("reasons", List.of(map("item", "BUSINESS_PLAN", "reason", "thiếu")))));
        endpoints.add(new Endpoint("POST", "/api/dossier/dossiers/HS-khong-ton-tai/withdraw", "admin",
                map("reason", "rút")));
        endpoints.add(new Endpoint("POST", "/api/evaluation/rounds", "admin", map("name", "Đợt ma",
                "regimeCode", "KHONG-CO", "level", "PROVINCE", "submissionDeadline", "2026-07-10",
                "plannedSessionDates", List.of("2026-07-20"),
                "localities", List.of(map("localityCode", "AG-2025-XA-AN-PHU", "targetProducts", 3)))));
        endpoints.add(new Endpoint("POST", "/api/evaluation/councils", "admin", map("name", "Hội đồng ma",
                "level", "NOWHERE", "chairId", "khong-co", "memberIds", List.of())));
        endpoints.add(new Endpoint("POST", "/api/evaluation/sessions", "admin", map("councilId", "C-khong-ton-tai",
                "sessionDate", "2026-12-20")));
        endpoints.add(new Endpoint("POST", "/api/evaluation/sessions/S-khong-ton-tai/cases", "admin",
                map("caseIds", List.of("X-r0"))));
        endpoints.add(new Endpoint("PUT", "/api/evaluation/sessions/S-khong-ton-tai/cases/X-r0/sheets/hoidong1",
                "member", map("choices", List.of(map("criterion", "A.1.1", "option", "A.1.1.1")))));
        endpoints.add(new Endpoint("POST", "/api/evaluation/sessions/S-khong-ton-tai/cases/X-r0/decision", "admin",
                map("decisionNumber", "1/QĐ-UBND", "decisionDate", "2026-11-28")));
        endpoints.add(new Endpoint("POST", "/api/evaluation/certificates/OCOP-0000-X-0/revocation", "admin",
                map("reason", "thu hồi")));
        endpoints.add(new Endpoint("POST", "/api/evaluation/councils/C-khong-ton-tai/conflicts", "member",
                map("entityId", "E-khong-ton-tai", "reason", "họ hàng")));
        endpoints.add(new Endpoint("POST", "/api/identity/accounts", "admin", map("username", "AB",
                "displayName", "Tài khoản ma", "roles", List.of("LOCALITY_OFFICER"), "password", "ngan")));
        endpoints.add(new Endpoint("POST", "/api/identity/clients", "admin", map("clientId", "X",
                "name", "Máy ma", "scopes", List.of("root.all"))));
        endpoints.add(new Endpoint("POST", "/api/reporting/report-periods", "admin", map("kind", "FORTNIGHT",
                "label", "Quý ma", "startDate", "2026-10-01", "endDate", "2026-12-31", "dueDate", "2027-01-10",
                "units", List.of())));
        endpoints.add(new Endpoint("POST", "/api/notification/deadlines", "admin", map("title", "",
                "dueDate", "2026-12-31", "units", List.of("KHONG-CO"), "offsets", List.of(7))));
        endpoints.add(new Endpoint("POST", "/api/notification/webhooks/subscriptions", "admin", map("url",
                "ftp://khong-co.invalid/hook", "eventTypes", List.of("NoSuchEvent"), "description", "ma")));
        return endpoints;
    }

    static List<Case> cases(Applicant draft) {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        List<Object> wrongTypes = List.of(12345, -1, true, List.of(), List.of(1, 2), map(), 1.5e308, "",
                "null", map("nested", map("deeper", List.of(map()))));
        List<Object> injections = List.of(map("$gt", ""), map("$ne", null), map("$where", "sleep(5000) || true"),
                map("$regex", ".*"), map("$in", List.of("a", "b")), List.of(map("$gt", "")),
                "'; db.dropDatabase(); //", "{\"$gt\": \"\"}");
        for (Endpoint endpoint : endpoints(draft)) {
            String ep = endpoint.method() + " " + endpoint.path();
            for (String field : endpoint.base().keySet()) {
                Map<String, Object> missing = new LinkedHashMap<>(endpoint.base());
                missing.remove(field);
                cases.add(json(endpoint, ep + " without " + field, missing));
                for (Object wrong : wrongTypes) {
                    cases.add(json(endpoint, ep + " " + field + "=" + brief(wrong), with(endpoint.base(), field, wrong)));
                }
                for (Object injection : injections) {
                    cases.add(json(endpoint, ep + " " + field + " injection " + brief(injection),
                            with(endpoint.base(), field, injection)));
                }
                cases.add(json(endpoint, ep + " " + field + " huge 60k", with(endpoint.base(), field,
                        randomText(random, 60_000))));
                cases.add(raw(endpoint, ep + " " + field + " invalid UTF-8", "application/json",
                        invalidUtf8(endpoint.base(), field, random)));
                cases.add(raw(endpoint, ep + " " + field + " lone surrogate", "application/json",
                        Http.json(with(endpoint.base(), field, "X")).replace("\"X\"", "\"\\ud800\\udfff\\ud800\"")
                                .getBytes(StandardCharsets.UTF_8)));
                cases.add(json(endpoint, ep + " " + field + " control characters", with(endpoint.base(), field,
                        "\u0000\u0001\u202e\u200b../../etc/passwd\r\n")));
            }
            cases.add(json(endpoint, ep + " $-operator at top level", with(endpoint.base(), "$set", map("roles",
                    List.of("PROVINCE_OFFICER")))));
            cases.add(raw(endpoint, ep + " nested 3000 deep (arrays)", "application/json",
                    ("{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8)));
            cases.add(raw(endpoint, ep + " nested 3000 deep (objects)", "application/json",
                    ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8)));
            cases.add(raw(endpoint, ep + " 2 MB body", "application/json",
                    Http.json(with(endpoint.base(), "pad", "x".repeat(2_000_000))).getBytes(StandardCharsets.UTF_8)));
            byte[] valid = Http.json(endpoint.base()).getBytes(StandardCharsets.UTF_8);
            cases.add(raw(endpoint, ep + " text/plain", "text/plain", valid));
            cases.add(raw(endpoint, ep + " application/xml", "application/xml",
                    "<entity><name>x</name></entity>".getBytes(StandardCharsets.UTF_8)));
            cases.add(raw(endpoint, ep + " form-urlencoded", "application/x-www-form-urlencoded",
                    "name=x&address.localityCode=00000".getBytes(StandardCharsets.UTF_8)));
            cases.add(raw(endpoint, ep + " multipart without boundary", "multipart/form-data", valid));
            cases.add(raw(endpoint, ep + " no content type", null, valid));
            cases.add(raw(endpoint, ep + " JSON with a bogus charset", "application/json; charset=klingon", valid));
            cases.add(raw(endpoint, ep + " UTF-16 bytes declared UTF-8", "application/json",
                    Http.json(endpoint.base()).getBytes(StandardCharsets.UTF_16)));
            for (String broken : List.of("", "{", "{\"a\":}", "{\"name\":\"x\",}", "null", "[]", "\"text\"", "42",
                    "{\"name\":\"x\"}{\"name\":\"y\"}", "\u0000\u0000", "{'single':'quotes'}", "NaN")) {
                cases.add(raw(endpoint, ep + " body " + brief(broken), "application/json",
                        broken.getBytes(StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < 8; i++) {
                byte[] noise = new byte[1 + random.nextInt(512)];
                random.nextBytes(noise);
                cases.add(raw(endpoint, ep + " random bytes #" + i, "application/json", noise));
            }
        }
        // Documents of a real DRAFT dossier: traversal and hostile names with content that must be refused.
        String documents = "/api/dossier/dossiers/" + draft.dossierId() + "/documents";
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        byte[] png = Programme.png();
        List<String> names = List.of("../../../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/etc/shadow.pdf",
                "%2e%2e%2f%2e%2e%2fboot.pdf", "hồ sơ\u0000.exe.pdf", "\u202egpj.exe.pdf", "CON.pdf",
                "a".repeat(5000) + ".pdf", "$gt.pdf", "{\"$gt\":\"\"}.pdf", "ảnh.png.pdf");
        for (String name : names) {
            cases.add(multipart(documents + "?kind=BUSINESS_PLAN", "upload " + brief(name) + " (EXE bytes)", name,
                    "application/pdf", exe));
            cases.add(multipart(documents + "?kind=BUSINESS_PLAN", "upload " + brief(name) + " (PNG bytes)", name,
                    "application/pdf", png));
            cases.add(multipart(documents + "?kind=" + Http.encode("../" + name), "upload kind traversal "
                    + brief(name), "x.pdf", "application/pdf", Programme.pdf("x")));
        }
        // ".pdf" has no extension (a dot-file name): with PNG bytes it is legitimately stored as "pdf.png", so it
        // is sent with EXE bytes only.
        cases.add(multipart(documents + "?kind=BUSINESS_PLAN", "upload .pdf (EXE bytes)", ".pdf", "application/pdf",
                exe));
        for (String kind : List.of("", "NOPE", "{\"$gt\":\"\"}", "business_plan", "0", "REGISTRATION_FORM,BUSINESS_PLAN")) {
            cases.add(multipart(documents + "?kind=" + Http.encode(kind), "upload kind " + brief(kind), "x.txt",
                    "text/plain", "plain text is not a document".getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(new Case("upload without a file part", "POST", documents + "?kind=BUSINESS_PLAN", "admin",
                "multipart/form-data; boundary=xyz", "--xyz--\r\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("upload as JSON", "POST", documents + "?kind=BUSINESS_PLAN", "admin", "application/json",
                "{\"file\":\"JVBERi0=\"}".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("upload empty file", "POST", documents + "?kind=BUSINESS_PLAN", "admin", null, null));
        // Hostile ids in paths of the state-changing endpoints.
        List<String> ids = List.of("..%2F..%2Fadmin", "%2e%2e", "%00", "%C3%28", "%7B%22%24gt%22%3A%22%22%7D",
                "a".repeat(3000), "%24where", "..;", "*", "%252e%252e%252f");
        for (String id : ids) {
            for (String path : List.of("/api/dossier/dossiers/%s/submit", "/api/dossier/dossiers/%s/resubmit",
                    "/api/dossier/dossiers/%s/withdraw", "/api/dossier/dossiers/%s/return",
                    "/api/evaluation/sessions/%s/closure", "/api/identity/accounts/%s/disable",
                    "/api/identity/accounts/%s/reset-password")) {
                cases.add(new Case("path id " + brief(id) + " " + path, "POST", String.format(path, id), "admin",
                        "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    private static Case json(Endpoint endpoint, String name, Map<String, Object> body) {
        return new Case(name, endpoint.method(), endpoint.path(), endpoint.tokenKind(), "application/json",
                Http.json(body).getBytes(StandardCharsets.UTF_8));
    }

    private static Case raw(Endpoint endpoint, String name, String contentType, byte[] body) {
        return new Case(name, endpoint.method(), endpoint.path(), endpoint.tokenKind(), contentType, body);
    }

    private static Case multipart(String path, String name, String filename, String partType, byte[] content) {
        String boundary = "----ocopfuzz";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Case(name, "POST", path, "admin", "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static byte[] invalidUtf8(Map<String, Object> base, String field, Random random) {
        String marker = "@@INVALID@@";
        String json = Http.json(with(base, field, marker));
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] chosen = bad[random.nextInt(bad.length)];
        int at = json.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(chosen);
        out.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢÃẠ ";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String brief(Object value) {
        String text = value instanceof String s ? s : Http.json(value);
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
