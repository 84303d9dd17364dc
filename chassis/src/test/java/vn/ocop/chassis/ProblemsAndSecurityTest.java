package vn.ocop.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.chassis.sample.SampleApplication;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/** The chassis' HTTP face on a sample service: who the caller is, and every error as localized problem+json. */
@OcopInfraTest
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ocop.outbox.relay.enabled=false",
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup=false"})
@DirtiesContext
class ProblemsAndSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void tokenClaimsBecomeTheAgencyPrincipal() throws Exception {
        JsonNode me = json(call("GET", "/sample/me", TestTokens.localityOfficer("AG-TT"), null, null, null));
        assertThat(me.get("roles").toString()).contains("LOCALITY_OFFICER");
        assertThat(me.get("locality").asString()).isEqualTo("AG-TT");
        assertThat(me.get("agency").asString()).isEqualTo("null");

        JsonNode department = json(call("GET", "/sample/me", TestTokens.departmentOfficer("SO-NNMT"), null, null, null));
        assertThat(department.get("agency").asString()).isEqualTo("SO-NNMT");
        assertThat(department.get("locality").asString()).as("only locality officers carry a locality").isEqualTo("null");

        JsonNode machine = json(call("GET", "/sample/me", TestTokens.machineClient("bao-cao-tinh", "catalogue.read"),
                null, null, null));
        assertThat(machine.get("roles").size()).isZero();
        assertThat(machine.get("scopes").toString()).contains("catalogue.read");
    }

    @Test
    void invalidFieldsAreAllListedInVietnameseByDefaultAndInEnglishOnRequest() throws Exception {
        String body = "{\"name\":\"\",\"criteriaSet\":0}";
        HttpResponse<String> vietnamese = call("POST", "/sample/products", TestTokens.provinceOfficer(), body,
                "application/json", null);
        assertProblem(vietnamese, 400, "request.invalid-fields");
        JsonNode problem = json(vietnamese);
        assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").toString()).contains("\"field\":\"name\"", "\"field\":\"criteriaSet\"",
                "Không được để trống.", "Phải lớn hơn hoặc bằng 1.");

        JsonNode english = json(call("POST", "/sample/products", TestTokens.provinceOfficer(), body, "application/json", "en"));
        assertThat(english.get("title").asString()).isEqualTo("Bad request");
        assertThat(english.get("errors").toString()).contains("Must not be empty.", "Must be at least 1.");

        HttpResponse<String> tooLong = call("POST", "/sample/products", TestTokens.provinceOfficer(),
                "{\"name\":\"Lạp xưởng bò Tân Châu đặc biệt\",\"criteriaSet\":8}", "application/json", null);
        assertThat(json(tooLong).get("errors").get(0).get("message").asString()).isEqualTo("Độ dài phải từ 0 đến 20.");
    }

    @Test
    void malformedOrMistypedInputIsA4xxProblemNeverA5xx() throws Exception {
        String token = TestTokens.provinceOfficer();
        assertProblem(call("POST", "/sample/products", token, "{\"name\": \"x\", ", "application/json", null), 400,
                "request.unreadable");
        assertProblem(call("POST", "/sample/products", token, "{\"name\": {\"$gt\": \"\"}, \"criteriaSet\": \"ba\"}",
                "application/json", null), 400, "request.unreadable");
        assertProblem(call("POST", "/sample/products", token, "name=x", "text/plain", null), 415,
                "request.media-type-not-supported");
        assertProblem(call("DELETE", "/sample/products", token, null, null, null), 405, "request.method-not-supported");
        assertProblem(call("GET", "/sample/khong-co", token, null, null, null), 404, "request.not-found");
        assertProblem(call("PUT", "/admin/clock", token, "{\"now\":\"2020-06-08T08:00:00+07:00\"}", "application/json",
                null), 404, "request.not-found");
        assertProblem(call("GET", "/sample/search?q=qu%C3%A1-d%C3%A0i", token, null, null, null), 400,
                "request.invalid-fields");
        assertProblem(call("GET", "/sample/search", token, null, null, null), 400, "request.missing-parameter");
        String multipartWithoutFile = "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n";
        assertProblem(call("POST", "/sample/uploads", token, multipartWithoutFile, "multipart/form-data; boundary=b", null),
                400, "request.status.400");
    }

    @Test
    void domainRefusalsCarryTheirCodeAndArguments() throws Exception {
        String token = TestTokens.provinceOfficer();
        HttpResponse<String> conflict = call("POST", "/sample/dossiers/d1/withdraw", token, null, null, null);
        assertProblem(conflict, 409, "sample.illegal-transition");
        assertThat(json(conflict).get("detail").asString()).isEqualTo("Không thể rút hồ sơ ở trạng thái RATED.");

        HttpResponse<String> incomplete = call("POST", "/sample/dossiers/d1/submit", token, null, null, "en");
        assertProblem(incomplete, 422, "sample.incomplete");
        assertThat(json(incomplete).get("errors").toString()).contains("documents[BUSINESS_PLAN]",
                "Missing document: Phương án kinh doanh.", "product.name");
    }

    @Test
    void forbiddenIs403ProblemWhetherRefusedByTheDomainOrByMethodSecurity() throws Exception {
        String tanChau = TestTokens.localityOfficer("AG-TCH");
        assertThat(call("GET", "/sample/localities/AG-TCH", tanChau, null, null, null).statusCode()).isEqualTo(200);
        assertProblem(call("GET", "/sample/localities/AG-LX", tanChau, null, null, null), 403, "sample.other-locality");
        assertProblem(call("GET", "/sample/province-only", tanChau, null, null, null), 403, "auth.forbidden");
        assertThat(call("GET", "/sample/province-only", TestTokens.provinceOfficer(), null, null, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRoleThatMayNeverUseAnEndpointIsRefusedBeforeItsRequestIsReadOrValidated() throws Exception {
        String tanChau = TestTokens.localityOfficer("AG-TCH");
        String invalid = "{\"name\": \"\", \"criteriaSet\": 0}";
        assertProblem(call("POST", "/sample/province-only/products", tanChau, invalid, "application/json", null), 403,
                "auth.forbidden");
        assertProblem(call("POST", "/sample/province-only/products", tanChau, "{not json", "application/json", null),
                403, "auth.forbidden");
        assertProblem(call("POST", "/sample/province-only/products?page=abc", tanChau, invalid, "application/json",
                null), 403, "auth.forbidden");
        // the allowed role still gets the validation problems, and a valid request goes through
        assertProblem(call("POST", "/sample/province-only/products", TestTokens.provinceOfficer(), invalid,
                "application/json", null), 400, "request.invalid-fields");
        assertThat(call("POST", "/sample/province-only/products", TestTokens.provinceOfficer(),
                "{\"name\": \"Mắm cá linh\", \"criteriaSet\": 8}", "application/json", null).statusCode())
                .isEqualTo(201);
        // an expression on an argument is left to method security, which decides after binding
        String subject = json(call("GET", "/sample/me", tanChau, null, null, null)).get("subject").asString();
        String valid = "{\"name\": \"Mắm cá linh\", \"criteriaSet\": 8}";
        assertThat(call("POST", "/sample/named/" + subject + "/products", tanChau, valid, "application/json", null)
                .statusCode()).isEqualTo(201);
        assertProblem(call("POST", "/sample/named/someone-else/products", tanChau, valid, "application/json", null),
                403, "auth.forbidden");
    }

    @Test
    void aDatabaseOutageIs503EvenWhenTheDriverOnlySaysItsPoolIsPaused() throws Exception {
        String token = TestTokens.provinceOfficer();
        HttpResponse<String> paused = call("GET", "/sample/database-outage?cause=pool-paused", token, null, null, null);
        assertProblem(paused, 503, "service.unavailable");
        assertThat(paused.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> defect = call("GET", "/sample/database-outage?cause=other", token, null, null, null);
        assertProblem(defect, 500, "server.error");
    }

    @Test
    void missingOrInvalidTokensAre401Problems() throws Exception {
        for (String token : List.of("", TestTokens.expired(), TestTokens.tampered(), TestTokens.wrongIssuer(),
                TestTokens.signedByOtherKey())) {
            HttpResponse<String> response = call("GET", "/sample/me", token.isEmpty() ? null : token, null, null, null);
            assertProblem(response, 401, "auth.unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        HttpResponse<String> health = call("GET", "/actuator/health", null, null, null, null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    @Test
    void aRequestIsMeasuredOnceNotAlsoFilterByFilter() throws Exception {
        assertThat(call("GET", "/sample/me", TestTokens.localityOfficer("AG-TT"), null, null, null).statusCode())
                .isEqualTo(200);

        String metrics = call("GET", "/actuator/prometheus", null, null, null, null).body();
        assertThat(metrics).contains("http_server_requests_seconds_count{").contains("uri=\"/sample/me\"");
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @Test
    void everyResponseCarriesATraceparentAndContinuesTheCallersTrace() throws Exception {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/sample/me")))
                .header("traceparent", incoming).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("traceparent")).hasValue(incoming);
        assertThat(json(response).get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("urn:ocop:problem:" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String contentType,
            String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (Map.Entry<String, String> header : Map.of("Authorization", token == null ? "" : "Bearer " + token,
                "Content-Type", contentType == null ? "" : contentType,
                "Accept-Language", language == null ? "" : language).entrySet()) {
            if (!header.getValue().isEmpty()) {
                request.header(header.getKey(), header.getValue());
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
