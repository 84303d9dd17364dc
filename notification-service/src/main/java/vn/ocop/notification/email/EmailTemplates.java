package vn.ocop.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills the e-mail templates ({@code templates/email/notice_<vi|en>.<txt|html>}): {@code {{name}}} placeholders,
 * HTML-escaped in the HTML part.
 */
@Component
public class EmailTemplates {

    public record Rendered(String subject, String text, String html) {
    }

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Rendered render(String language, String unitName, String subject, String body) {
        String lang = "en".equals(language) ? "en" : "vi";
        Map<String, String> values = Map.of("unit", unitName, "subject", subject, "body", body);
        return new Rendered(subject, fill(template("notice_" + lang + ".txt"), values, false),
                fill(template("notice_" + lang + ".html"), values, true));
    }

    private String template(String name) {
        return cache.computeIfAbsent(name, key -> {
            try (InputStream in = EmailTemplates.class.getResourceAsStream("/templates/email/" + key)) {
                if (in == null) {
                    throw new IllegalStateException("missing e-mail template " + key);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String result = template;
        for (var value : values.entrySet()) {
            String text = value.getValue() == null ? "" : value.getValue();
            result = result.replace("{{" + value.getKey() + "}}", html ? HtmlUtils.htmlEscape(text, "UTF-8") : text);
        }
        return result;
    }
}
