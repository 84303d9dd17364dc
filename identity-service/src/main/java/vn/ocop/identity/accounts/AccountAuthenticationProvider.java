package vn.ocop.identity.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

import vn.ocop.chassis.web.ProblemFactory;
import vn.ocop.identity.accounts.domain.Account;

/**
 * Form login against the accounts, with lockout. It is Spring Security's {@link DaoAuthenticationProvider} (so the
 * same protection against user enumeration by timing: an unknown username still costs one hash, and a locked or
 * disabled account is still checked against the password before it is refused) plus:
 * <ul>
 * <li>a wrong password counts as a failed login of the account; the failure that reaches the policy's limit locks it
 * and is answered "locked" at once;</li>
 * <li>a successful login resets the count;</li>
 * <li>disabled and locked accounts are refused with a clear message in the caller's language (Vietnamese unless
 * {@code Accept-Language: en}), the locked one with the time the lock ends;</li>
 * <li>hashes made with an older algorithm are replaced by Argon2id at the next successful login.</li>
 * </ul>
 * Deliberately not a bean: a bean would also be registered in the global authentication manager, which the login
 * chain's manager falls back to after a failure, and every wrong password would be counted twice.
 */
public class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final AccountService accounts;
    private final ProblemFactory texts;

    public AccountAuthenticationProvider(AccountService accounts, PasswordEncoder passwordEncoder, ProblemFactory texts) {
        super(userDetailsService(accounts));
        this.accounts = accounts;
        this.texts = texts;
        setPasswordEncoder(passwordEncoder);
        setUserDetailsPasswordService((user, newHash) -> {
            accounts.upgradePasswordHash(user.getUsername(), newHash);
            return user instanceof AccountUserDetails details ? details.withPasswordHash(newHash) : user;
        });
        setPreAuthenticationChecks(this::checkMayLogIn);
        this.messages = new CallerLanguageMessages(texts.messages());
    }

    private static UserDetailsService userDetailsService(AccountService accounts) {
        return username -> {
            Account account = accounts.findByUsername(username)
                    .orElseThrow(() -> new UsernameNotFoundException("no such account"));
            return new AccountUserDetails(account, accounts.now());
        };
    }

    /** Keeps the service's own bundle (bad-credentials text in Vietnamese and English) over the context's. */
    @Override
    public void setMessageSource(MessageSource messageSource) {
        this.messages = new CallerLanguageMessages(texts.messages());
    }

    /** Texts in the caller's language: Vietnamese unless the request asks for English. */
    private static final class CallerLanguageMessages extends MessageSourceAccessor {

        CallerLanguageMessages(MessageSource messages) {
            super(messages);
        }

        @Override
        protected Locale getDefaultLocale() {
            return locale();
        }
    }

    private void checkMayLogIn(UserDetails user) {
        if (!user.isEnabled()) {
            throw new DisabledException(text("login.disabled"));
        }
        if (!user.isAccountNonLocked()) {
            Instant until = user instanceof AccountUserDetails details ? details.lockedUntil() : null;
            throw new LockedException(lockedMessage(until));
        }
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        try {
            super.additionalAuthenticationChecks(user, authentication);
        } catch (BadCredentialsException wrongPassword) {
            if (accounts.recordFailedLogin(user.getUsername())) {
                Instant until = accounts.findByUsername(user.getUsername()).map(Account::lockedUntil).orElse(null);
                throw new LockedException(lockedMessage(until));
            }
            throw wrongPassword;
        }
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        try {
            accounts.recordSuccessfulLogin(user.getUsername());
        } catch (IllegalStateException changedMeanwhile) {
            throw new BadCredentialsException(text("AbstractUserDetailsAuthenticationProvider.badCredentials"));
        }
        return super.createSuccessAuthentication(principal, authentication, user);
    }

    private String lockedMessage(Instant until) {
        String time = until == null ? "?" : TIME.format(until.atZone(VIETNAM));
        return texts.text("login.locked", List.of(accounts.lockoutPolicy().maxFailedAttempts(), time), locale(), "Locked");
    }

    private String text(String code) {
        return texts.text(code, List.of(), locale(), code);
    }

    /**
     * Like the chassis' problem details: Vietnamese when the request has no {@code Accept-Language} (the servlet
     * container would otherwise fall back to the JVM's locale), English when it asks for it.
     */
    static Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader("Accept-Language") == null ? ProblemFactory.VIETNAMESE
                    : ProblemFactory.supported(request.getLocale());
        }
        return ProblemFactory.VIETNAMESE;
    }
}
