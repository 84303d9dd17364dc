package vn.ocop.identity.accounts;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;
import vn.ocop.identity.accounts.domain.Account;

/** The JSON shapes of {@code /api/accounts}. A password hash never leaves the service. */
final class AccountApi {

    private AccountApi() {
    }

    /** {@code password} absent or blank: one is generated and returned once. */
    record CreateAccountRequest(
            @Size(max = 64) String username,
            @Size(max = 400) String displayName,
            @Size(max = 254) String email,
            @Size(max = 10) List<String> roles,
            @Size(max = 16) String locality,
            @Size(max = 32) String agency,
            @Size(max = 512) String password) {
    }

    record ChangePasswordRequest(@Size(max = 512) String currentPassword, @Size(max = 512) String newPassword) {
    }

    record AccountView(String id, String username, String displayName, String email, List<String> roles,
            String locality, String agency, boolean enabled, boolean locked, Instant lockedUntil,
            int failedLoginCount, Instant passwordChangedAt, Instant lastLoginAt, Instant createdAt, String createdBy,
            Long version) {

        static AccountView of(Account account, Instant now) {
            boolean locked = account.isLocked(now);
            return new AccountView(account.id(), account.username(), account.displayName(), account.email(),
                    account.roles().stream().sorted().map(Enum::name).toList(), account.locality(), account.agency(),
                    account.enabled(), locked, locked ? account.lockedUntil() : null, account.failedLoginCount(),
                    account.passwordChangedAt(), account.lastLoginAt(), account.createdAt(), account.createdBy(),
                    account.version());
        }
    }

    /** The created account; {@code temporaryPassword} only when it was generated (shown this once). */
    record CreatedAccount(AccountView account, String temporaryPassword) {
    }

    record TemporaryPassword(String accountId, String username, String temporaryPassword) {
    }

    record AccountPage(List<AccountView> items, int page, int size, long totalElements, long totalPages) {
    }
}
