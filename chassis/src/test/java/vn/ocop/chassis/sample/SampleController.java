package vn.ocop.chassis.sample;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.AgencyPrincipal;

/** Endpoints of the sample service that exercise the chassis' security and error handling. */
@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/sample")
public class SampleController {

    record NewProduct(@NotBlank @Size(max = 20) String name, @Min(1) int criteriaSet) {
    }

    private final org.springframework.data.mongodb.core.MongoOperations mongo;

    SampleController(org.springframework.data.mongodb.core.MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Counts how many times it really ran, so idempotent retries can be told from real ones. */
    @PostMapping("/counters/{id}/increments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> increment(@PathVariable String id, @RequestBody Map<String, Object> body) {
        org.bson.Document counter = mongo.findAndModify(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().inc("value", 1),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().upsert(true).returnNew(true),
                org.bson.Document.class, "sample_counters");
        return Map.of("id", id, "value", counter.getInteger("value"), "note", String.valueOf(body.get("note")));
    }

    /** Holds the request until a test releases it, so that a second call finds the first still running. */
    public static final java.util.concurrent.CountDownLatch SLOW_CALLS = new java.util.concurrent.CountDownLatch(1);

    @PostMapping("/slow")
    Map<String, Object> slow() throws InterruptedException {
        SLOW_CALLS.await(20, java.util.concurrent.TimeUnit.SECONDS);
        return Map.of("done", true);
    }

    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal AgencyPrincipal me) {
        return Map.of("subject", me.subject(), "roles", me.roles(),
                "locality", String.valueOf(me.locality()), "agency", String.valueOf(me.agency()),
                "scopes", me.scopes());
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    NewProduct create(@Valid @RequestBody NewProduct product) {
        return product;
    }

    @PostMapping("/dossiers/{id}/withdraw")
    void withdraw(@PathVariable String id) {
        throw new ConflictException("sample.illegal-transition", "RATED");
    }

    @PostMapping("/dossiers/{id}/submit")
    void submit(@PathVariable String id) {
        throw new InvalidInputException("sample.incomplete", java.util.List.of(
                FieldViolation.of("documents[BUSINESS_PLAN]", "sample.document-missing", "Phương án kinh doanh"),
                FieldViolation.of("product.name", "validation.NotBlank")));
    }

    @GetMapping("/localities/{code}")
    Map<String, String> locality(@PathVariable String code, @AuthenticationPrincipal AgencyPrincipal me) {
        if (!me.mayActForLocality(code)) {
            throw new ForbiddenException("sample.other-locality", code);
        }
        return Map.of("code", code);
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam @jakarta.validation.constraints.Size(max = 5) String q) {
        return Map.of("q", q);
    }

    @PostMapping(path = "/uploads", consumes = "multipart/form-data")
    Map<String, Object> upload(@org.springframework.web.bind.annotation.RequestPart("file")
            org.springframework.web.multipart.MultipartFile file) {
        return Map.of("size", file.getSize());
    }

    /** What the MongoDB driver throws through Spring Data when the server has just gone away, or a real defect. */
    @GetMapping("/database-outage")
    Map<String, String> databaseOutage(@RequestParam String cause) {
        com.mongodb.ServerAddress server = new com.mongodb.ServerAddress("127.0.0.1", 27017);
        Throwable driverError = switch (cause) {
            case "pool-paused" -> new com.mongodb.MongoConnectionPoolClearedException(
                    new com.mongodb.connection.ServerId(new com.mongodb.connection.ClusterId(), server),
                    new com.mongodb.MongoSocketReadException("Prematurely reached end of stream", server));
            default -> new com.mongodb.MongoInternalException("a query the driver cannot run");
        };
        throw new org.springframework.data.mongodb.UncategorizedMongoDbException(driverError.getMessage(), driverError);
    }

    @GetMapping("/province-only")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    Map<String, String> provinceOnly() {
        return Map.of("ok", "yes");
    }

    /** A role check and a validated body: the role is decided first. */
    @PostMapping("/province-only/products")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    NewProduct provinceOnlyCreate(@Valid @RequestBody NewProduct product, @RequestParam(required = false) Integer page) {
        return product;
    }

    /** An expression on an argument can only be decided by method security, once the arguments are bound. */
    @PostMapping("/named/{name}/products")
    @PreAuthorize("#name == authentication.name")
    @ResponseStatus(HttpStatus.CREATED)
    NewProduct namedCreate(@PathVariable String name, @Valid @RequestBody NewProduct product) {
        return product;
    }
}
