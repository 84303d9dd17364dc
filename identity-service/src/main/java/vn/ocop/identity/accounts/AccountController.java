package vn.ocop.identity.accounts;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.identity.accounts.AccountApi.AccountPage;
import vn.ocop.identity.accounts.AccountApi.AccountView;
import vn.ocop.identity.accounts.AccountApi.ChangePasswordRequest;
import vn.ocop.identity.accounts.AccountApi.CreateAccountRequest;
import vn.ocop.identity.accounts.AccountApi.CreatedAccount;
import vn.ocop.identity.accounts.AccountApi.TemporaryPassword;
import vn.ocop.identity.accounts.domain.Account;
import vn.ocop.identity.accounts.domain.AccountDetails;

/**
 * Account administration (PROVINCE_OFFICER only, enforced by the {@code /api/**} security chain) and the caller's
 * own account ({@code /me}, any authenticated user). State changes accept {@code If-Match: "<version>"}: a stale
 * version is refused with 409.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "accounts", description = "Agency user accounts")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(summary = "Create an account; without a password one is generated and returned once")
    ResponseEntity<CreatedAccount> create(@Valid @RequestBody CreateAccountRequest request,
            @AuthenticationPrincipal AgencyPrincipal me) {
        AccountDetails details = new AccountDetails(request.username(), request.displayName(), request.email(),
                request.roles(), request.locality(), request.agency());
        AccountService.Created created = accounts.create(details, request.password(), me.subject());
        return ResponseEntity.created(URI.create("/api/accounts/" + created.account().id()))
                .cacheControl(CacheControl.noStore())
                .eTag(etag(created.account()))
                .body(new CreatedAccount(view(created.account()), created.generatedPassword()));
    }

    @GetMapping
    @Operation(summary = "List accounts, optionally by role and locality, ordered by username")
    AccountPage list(@RequestParam(required = false) Role role, @RequestParam(required = false) String locality,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        AccountService.Page result = accounts.search(role, locality, page, size);
        Instant now = accounts.now();
        return new AccountPage(result.items().stream().map(account -> AccountView.of(account, now)).toList(),
                result.page(), result.size(), result.totalElements(), result.totalPages());
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account")
    ResponseEntity<AccountView> me(@AuthenticationPrincipal AgencyPrincipal me) {
        Account account = accounts.getByUsername(me.subject());
        return ResponseEntity.ok().eTag(etag(account)).body(view(account));
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change the caller's own password (the current one is required)")
    ResponseEntity<Void> changeOwnPassword(@Valid @RequestBody ChangePasswordRequest request,
            @AuthenticationPrincipal AgencyPrincipal me) {
        accounts.changeOwnPassword(me.subject(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    ResponseEntity<AccountView> get(@PathVariable String id) {
        Account account = accounts.get(id);
        return ResponseEntity.ok().eTag(etag(account)).body(view(account));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account (refused for the last enabled province officer)")
    ResponseEntity<AccountView> disable(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal AgencyPrincipal me) {
        Account account = accounts.disable(id, expectedVersion(ifMatch), me.subject());
        return ResponseEntity.ok().eTag(etag(account)).body(view(account));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable an account; also lifts a lockout")
    ResponseEntity<AccountView> enable(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal AgencyPrincipal me) {
        Account account = accounts.enable(id, expectedVersion(ifMatch), me.subject());
        return ResponseEntity.ok().eTag(etag(account)).body(view(account));
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "Set a generated temporary password, returned once; also lifts a lockout")
    ResponseEntity<TemporaryPassword> resetPassword(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal AgencyPrincipal me) {
        AccountService.PasswordReset reset = accounts.resetPassword(id, expectedVersion(ifMatch), me.subject());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).eTag(etag(reset.account()))
                .body(new TemporaryPassword(reset.account().id(), reset.account().username(), reset.temporaryPassword()));
    }

    private AccountView view(Account account) {
        return AccountView.of(account, accounts.now());
    }

    private static String etag(Account account) {
        return "\"" + account.version() + "\"";
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; anything else is a version that cannot match. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConflictException("state.conflict-version");
        }
    }
}
