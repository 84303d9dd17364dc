package vn.ocop.notification.notify;

/** A notification's subject and body in Vietnamese (the default) and English. */
public record LocalizedText(String subjectVi, String bodyVi, String subjectEn, String bodyEn) {

    public String subject(String language) {
        return "en".equals(language) ? subjectEn : subjectVi;
    }

    public String body(String language) {
        return "en".equals(language) ? bodyEn : bodyVi;
    }
}
