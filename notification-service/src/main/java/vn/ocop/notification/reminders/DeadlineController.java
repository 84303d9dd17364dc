package vn.ocop.notification.reminders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.notification.reminders.DeadlineDocument.Status;
import vn.ocop.notification.reminders.domain.DeadlineKind;
import vn.ocop.notification.units.UnitDirectory;

/** The deadline calendar: read it, add deadlines by hand, mark them done, see the reminders sent. */
@RestController
class DeadlineController {

    record NewDeadline(String title, LocalDate dueDate, List<String> units, List<Integer> offsets) {
    }

    private final MongoOperations mongo;
    private final UnitDirectory units;
    private final ReminderSettings settings;
    private final ReminderPlanner planner;

    DeadlineController(MongoOperations mongo, UnitDirectory units, ReminderSettings settings, ReminderPlanner planner) {
        this.mongo = mongo;
        this.units = units;
        this.settings = settings;
        this.planner = planner;
    }

    @GetMapping("/deadlines")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    List<DeadlineDocument> list(@RequestParam(required = false) Status status,
            @RequestParam(required = false) DeadlineKind kind) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (kind != null) {
            query.addCriteria(where("kind").is(kind));
        }
        return mongo.find(query.with(Sort.by("dueDate")), DeadlineDocument.class);
    }

    @GetMapping("/deadlines/{id}")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    DeadlineDocument one(@PathVariable String id) {
        return find(id);
    }

    @PostMapping("/deadlines")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    DeadlineDocument create(@AuthenticationPrincipal AgencyPrincipal me, @RequestBody NewDeadline body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body.title() == null || body.title().isBlank()) {
            violations.add(FieldViolation.of("title", "deadline.title-required"));
        }
        if (body.dueDate() == null) {
            violations.add(FieldViolation.of("dueDate", "deadline.due-date-required"));
        }
        if (body.units() == null || body.units().isEmpty()) {
            violations.add(FieldViolation.of("units", "deadline.units-required"));
        } else {
            for (int i = 0; i < body.units().size(); i++) {
                if (!units.contains(body.units().get(i))) {
                    violations.add(FieldViolation.of("units[" + i + "]", "deadline.unknown-unit", body.units().get(i)));
                }
            }
        }
        if (body.offsets() != null && body.offsets().stream().anyMatch(o -> o == null || o < -60 || o > 365)) {
            violations.add(FieldViolation.of("offsets", "deadline.bad-offsets"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("request.invalid-fields", violations);
        }
        String id = "custom:" + UUID.randomUUID();
        return mongo.insert(new DeadlineDocument(id, DeadlineKind.CUSTOM, id, body.title().strip(), null,
                body.dueDate().toString(), body.offsets() == null ? settings.offsets() : List.copyOf(body.offsets()),
                null, body.units().stream().map(UnitDirectory::canonical).distinct().toList(), Set.of(), null, null, Status.OPEN, me.subject()));
    }

    /** A unit marks a custom deadline done: its own officers, or the province for anyone. */
    @PostMapping("/deadlines/{id}/done/{unitCode}")
    DeadlineDocument done(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id,
            @PathVariable("unitCode") String code) {
        String unitCode = UnitDirectory.canonical(code);
        DeadlineDocument deadline = find(id);
        boolean own = (me.has(Role.LOCALITY_OFFICER) && unitCode.equals(me.locality()))
                || (me.has(Role.DEPARTMENT_OFFICER) && unitCode.equals(UnitDirectory.canonical(me.agency())));
        if (!me.isProvinceOfficer() && !own) {
            throw new ForbiddenException("deadline.not-your-unit", unitCode);
        }
        if (deadline.kind() != DeadlineKind.CUSTOM || !deadline.units().contains(unitCode)) {
            throw new NotFoundException("deadline.unit-not-concerned", id, unitCode);
        }
        mongo.updateFirst(query(where("_id").is(id)), new Update().addToSet("done", unitCode), DeadlineDocument.class);
        return find(id);
    }

    @DeleteMapping("/deadlines/{id}")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable String id) {
        find(id);
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", Status.CLOSED), DeadlineDocument.class);
    }

    @GetMapping("/reminders")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    List<ReminderSend> reminders(@RequestParam(required = false) String deadline,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "500") int limit) {
        Query query = new Query();
        if (deadline != null) {
            query.addCriteria(where("deadlineId").is(deadline));
        }
        if (unit != null) {
            query.addCriteria(where("unitCode").is(unit));
        }
        return mongo.find(query.with(Sort.by("createdAt", "_id")).limit(Math.max(1, Math.min(limit, 2000))),
                ReminderSend.class);
    }

    /**
     * Runs a reminder pass now (operations; the scheduler runs one every poll interval anyway); 409 while a pass is
     * running, which delivers everything due.
     */
    @PostMapping("/reminders/run")
    @PreAuthorize("hasRole('PROVINCE_OFFICER')")
    java.util.Map<String, Integer> run() {
        return java.util.Map.of("delivered", planner.runNow()
                .orElseThrow(() -> new ConflictException("reminders.pass-running")));
    }

    private DeadlineDocument find(String id) {
        DeadlineDocument deadline = mongo.findById(id, DeadlineDocument.class);
        if (deadline == null) {
            throw new NotFoundException("deadline.not-found", id);
        }
        return deadline;
    }
}
