package vn.ocop.identity.clients.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import vn.ocop.chassis.errors.FieldViolation;

/**
 * A machine client (client-credentials grant) as an administrator describes it: a client id (lower case, reused as
 * the token's {@code sub}), a name, and scopes drawn from the configured allowed set. {@link #violations} lists
 * every problem at once.
 */
public record MachineClientSpec(String clientId, String name, Collection<String> scopes) {

    public static final int MAX_NAME = 200;
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public MachineClientSpec {
        scopes = scopes == null ? List.of() : List.copyOf(scopes.stream().filter(s -> s != null).toList());
    }

    public String normalizedClientId() {
        return clientId == null ? null : clientId.trim().toLowerCase(Locale.ROOT);
    }

    public String normalizedName() {
        return name == null || name.isBlank() ? null : Normalizer.normalize(name.trim(), Normalizer.Form.NFC);
    }

    public Set<String> scopeSet() {
        Set<String> set = new TreeSet<>();
        scopes.forEach(scope -> set.add(scope.trim()));
        return Collections.unmodifiableSet(set);
    }

    public List<FieldViolation> violations(Collection<String> allowedScopes, Collection<String> reservedClientIds) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = normalizedClientId();
        if (id == null || id.isEmpty()) {
            violations.add(FieldViolation.of("clientId", "client.client-id.required"));
        } else if (!CLIENT_ID.matcher(id).matches()) {
            violations.add(FieldViolation.of("clientId", "client.client-id.invalid"));
        } else if (reservedClientIds.contains(id)) {
            violations.add(FieldViolation.of("clientId", "client.client-id.reserved", id));
        }
        String display = normalizedName();
        if (display == null) {
            violations.add(FieldViolation.of("name", "client.name.required"));
        } else if (display.codePointCount(0, display.length()) > MAX_NAME) {
            violations.add(FieldViolation.of("name", "client.name.too-long", MAX_NAME));
        }
        if (scopes.isEmpty()) {
            violations.add(FieldViolation.of("scopes", "client.scopes.required"));
        }
        for (String scope : scopeSet()) {
            if (!allowedScopes.contains(scope)) {
                violations.add(FieldViolation.of("scopes", "client.scopes.not-allowed", scope,
                        String.join(", ", new TreeSet<>(allowedScopes))));
            }
        }
        return violations;
    }
}
