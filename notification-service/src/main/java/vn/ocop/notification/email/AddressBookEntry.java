package vn.ocop.notification.email;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The e-mail contacts of one unit (sổ địa chỉ), each with the language the unit's mail is written in. */
@Document("address_book")
public record AddressBookEntry(@Id String unitCode, List<Contact> contacts, Instant updatedAt, String updatedBy) {

    public record Contact(String name, String email, String language) {
    }
}
