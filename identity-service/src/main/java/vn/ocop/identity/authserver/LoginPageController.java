package vn.ocop.identity.authserver;

import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import vn.ocop.chassis.web.ProblemFactory;

/**
 * A minimal login page in Vietnamese (English with {@code Accept-Language: en}) that, unlike Spring Security's
 * default page, tells a locked or disabled account why it was refused. The web UI will replace it.
 */
@RestController
class LoginPageController {

    static final String PATH = "/login";

    private final ProblemFactory texts;

    LoginPageController(ProblemFactory texts) {
        this.texts = texts;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> loginPage(HttpServletRequest request, CsrfToken csrf, Locale locale) {
        String message = null;
        boolean error = request.getParameter("error") != null;
        if (error) {
            message = failureMessage(request.getSession(false), locale);
        } else if (request.getParameter("logout") != null) {
            message = text("login.page.logged-out", locale);
        }
        String language = ProblemFactory.supported(locale).getLanguage();
        String html = "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(text("login.page.title", locale)) + "</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}"
                + "label,input,button{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}"
                + "input,button{padding:.5rem}.alert{padding:.6rem;border-radius:4px;margin:1rem 0}"
                + ".error{background:#fde2e1;color:#8a1c14}.info{background:#e3f1e4}</style>\n</head>\n<body>\n"
                + "<h1>" + escape(text("login.page.title", locale)) + "</h1>\n"
                + (message == null ? "" : "<div class=\"alert " + (error ? "error" : "info") + "\" role=\"alert\">"
                        + escape(message) + "</div>\n")
                + "<form method=\"post\" action=\"" + PATH + "\">\n"
                + "<label for=\"username\">" + escape(text("login.page.username", locale)) + "</label>\n"
                + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>\n"
                + "<label for=\"password\">" + escape(text("login.page.password", locale)) + "</label>\n"
                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>\n"
                + "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\"" + escape(csrf.getToken())
                + "\">\n"
                + "<button type=\"submit\">" + escape(text("login.page.submit", locale)) + "</button>\n"
                + "</form>\n</body>\n</html>\n";
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(html);
    }

    /** The provider's own texts for wrong credentials, locks and disabled accounts; nothing internal otherwise. */
    private String failureMessage(HttpSession session, Locale locale) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException || failure instanceof DisabledException
                || failure instanceof BadCredentialsException) {
            return ((RuntimeException) failure).getMessage();
        }
        return text("login.page.failed", locale);
    }

    private String text(String code, Locale locale) {
        return texts.text(code, List.of(), locale, code);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
