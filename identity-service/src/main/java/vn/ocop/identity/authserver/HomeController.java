package vn.ocop.identity.authserver;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Where a direct login (not started by an application) lands. The real web UI comes later. */
@RestController
class HomeController {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Authentication authentication) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>OCOP</title></head><body>"
                + "<p>Đã đăng nhập với tài khoản <b>" + HtmlUtils.htmlEscape(authentication.getName(), "UTF-8") + "</b>.</p>"
                + "</body></html>";
    }
}
