package vn.ocop.notification.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.notification.email.AddressBookEntry.Contact;
import vn.ocop.notification.units.UnitDirectory;

/** The address book of units, kept by the provincial office. */
@RestController
@RequestMapping("/address-book")
@PreAuthorize("hasRole('PROVINCE_OFFICER')")
class AddressBookController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    record Contacts(List<Contact> contacts) {
    }

    private final MongoOperations mongo;
    private final UnitDirectory units;
    private final Clock clock;

    AddressBookController(MongoOperations mongo, UnitDirectory units, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    List<AddressBookEntry> all() {
        return mongo.find(new Query().with(Sort.by("_id")), AddressBookEntry.class);
    }

    @GetMapping("/{unitCode}")
    AddressBookEntry one(@PathVariable String unitCode) {
        var entry = mongo.findById(UnitDirectory.canonical(unitCode), AddressBookEntry.class);
        if (entry == null) {
            throw new NotFoundException("address-book.not-found", unitCode);
        }
        return entry;
    }

    @PutMapping("/{unitCode}")
    AddressBookEntry replace(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable("unitCode") String code,
            @RequestBody Contacts body) {
        String unitCode = UnitDirectory.canonical(code);
        List<FieldViolation> violations = new ArrayList<>();
        if (!units.contains(unitCode)) {
            violations.add(FieldViolation.of("unitCode", "address-book.unknown-unit", unitCode));
        }
        List<Contact> contacts = body.contacts() == null ? List.of() : body.contacts();
        List<Contact> clean = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            if (contact == null) {
                violations.add(FieldViolation.of("contacts[" + i + "]", "address-book.bad-email"));
                continue;
            }
            boolean valid = true;
            if (contact.email() == null || !EMAIL.matcher(contact.email().strip()).matches()) {
                violations.add(FieldViolation.of("contacts[" + i + "].email", "address-book.bad-email"));
                valid = false;
            }
            String language = contact.language() == null ? "vi" : contact.language();
            if (!language.equals("vi") && !language.equals("en")) {
                violations.add(FieldViolation.of("contacts[" + i + "].language", "address-book.bad-language"));
                valid = false;
            }
            if (valid) {
                clean.add(new Contact(contact.name(), contact.email().strip(), language));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("request.invalid-fields", violations);
        }
        return mongo.save(new AddressBookEntry(unitCode, clean, clock.instant(), me.subject()));
    }

    @DeleteMapping("/{unitCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String unitCode) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(UnitDirectory.canonical(unitCode))), AddressBookEntry.class);
    }
}
