package vn.ocop.notification.reminders.domain;

/** What a deadline in the calendar is about; each kind decides who still owes something. */
public enum DeadlineKind {
    /** Dossiers (hồ sơ) of a round (đợt): each locality owes its target number of submitted products. */
    ROUND_SUBMISSION("DOSSIER_DEADLINE_REMINDER"),
    /** A periodic report (báo cáo định kỳ): each listed unit owes its report. */
    PERIODIC_REPORT("REPORT_DEADLINE_REMINDER"),
    /** An OCOP certificate's end of validity: the locality and the province are told in advance. */
    CERTIFICATE_EXPIRY("CERTIFICATE_EXPIRY_REMINDER"),
    /** A deadline an officer entered by API, owed by the listed units until marked done. */
    CUSTOM("CUSTOM_DEADLINE_REMINDER");

    private final String noticeKind;

    DeadlineKind(String noticeKind) {
        this.noticeKind = noticeKind;
    }

    public String noticeKind() {
        return noticeKind;
    }
}
