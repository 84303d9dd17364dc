package vn.ocop.identity.accounts.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.security.Role;

/**
 * What an administrator states about an account, as given (role names as text), before it is checked.
 * {@link #violations()} lists everything wrong at once; {@link #roleSet()} and the normalised getters give the
 * values an {@link Account} keeps.
 */
public record AccountDetails(String username, String displayName, String email, Collection<String> roles,
        String locality, String agency) {

    public static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern LOCALITY = Pattern.compile("[0-9]{3,5}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public AccountDetails {
        roles = roles == null ? List.of() : List.copyOf(roles.stream().filter(r -> r != null).toList());
    }

    /** Lower case, trimmed: usernames are unique regardless of case. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    public String normalizedUsername() {
        return normalizeUsername(username);
    }

    /** Unicode NFC, trimmed: Vietnamese text typed on different systems compares equal. */
    public String normalizedDisplayName() {
        return blankToNull(displayName) == null ? null : Normalizer.normalize(displayName.trim(), Normalizer.Form.NFC);
    }

    public String normalizedEmail() {
        return blankToNull(email) == null ? null : email.trim();
    }

    public String normalizedLocality() {
        return blankToNull(locality) == null ? null : locality.trim();
    }

    public String normalizedAgency() {
        return blankToNull(agency) == null ? null : agency.trim().toUpperCase(Locale.ROOT);
    }

    /** The known roles among {@link #roles()}; unknown names are reported by {@link #violations()}. */
    public Set<Role> roleSet() {
        Set<Role> known = EnumSet.noneOf(Role.class);
        for (String name : roles) {
            Role role = parseRole(name);
            if (role != null) {
                known.add(role);
            }
        }
        return known;
    }

    /** Every rule these details break, all at once. */
    public List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        String user = normalizedUsername();
        if (user == null || user.isEmpty()) {
            violations.add(FieldViolation.of("username", "account.username.required"));
        } else if (!USERNAME.matcher(user).matches()) {
            violations.add(FieldViolation.of("username", "account.username.invalid"));
        }
        String name = normalizedDisplayName();
        if (name == null) {
            violations.add(FieldViolation.of("displayName", "account.display-name.required"));
        } else if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            violations.add(FieldViolation.of("displayName", "account.display-name.too-long", MAX_DISPLAY_NAME));
        }
        String mail = normalizedEmail();
        if (mail != null && !EMAIL.matcher(mail).matches()) {
            violations.add(FieldViolation.of("email", "account.email.invalid"));
        }
        if (roles.isEmpty()) {
            violations.add(FieldViolation.of("roles", "account.roles.required"));
        }
        for (String roleName : roles) {
            if (parseRole(roleName) == null) {
                violations.add(FieldViolation.of("roles", "account.roles.unknown", roleName));
            }
        }
        Set<Role> known = roleSet();
        String localityCode = normalizedLocality();
        if (known.contains(Role.LOCALITY_OFFICER)) {
            if (localityCode == null) {
                violations.add(FieldViolation.of("locality", "account.locality.required"));
            } else if (!LOCALITY.matcher(localityCode).matches()) {
                violations.add(FieldViolation.of("locality", "account.locality.invalid"));
            }
        } else if (localityCode != null) {
            violations.add(FieldViolation.of("locality", "account.locality.not-allowed"));
        }
        String agencyCode = normalizedAgency();
        if (known.contains(Role.DEPARTMENT_OFFICER)) {
            if (agencyCode == null) {
                violations.add(FieldViolation.of("agency", "account.agency.required"));
            } else if (!AGENCY.matcher(agencyCode).matches()) {
                violations.add(FieldViolation.of("agency", "account.agency.invalid"));
            }
        } else if (agencyCode != null) {
            violations.add(FieldViolation.of("agency", "account.agency.not-allowed"));
        }
        return violations;
    }

    private static Role parseRole(String name) {
        if (name == null) {
            return null;
        }
        for (Role role : Role.values()) {
            if (role.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
