package vn.ocop.reporting.periods;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;

/**
 * One unit's periodic report (báo cáo định kỳ) for one period, with its outbox (PeriodicReportSubmitted). The
 * id {@code periodId:unitType:unitCode} makes a second submission of the same unit a duplicate key. Figures are
 * kept as a list (order as entered; indicator codes never become field names) of exact decimal strings.
 */
@Document("periodic_reports")
public class PeriodicReportDocument extends OutboxDocument {

    @Id
    private String id;
    @Version
    private Long version;
    private String reportId;
    private String periodId;
    private String unitType;
    private String unitCode;
    private List<Figure> figures = new ArrayList<>();
    private String narrative;
    private String attachmentName;
    private String attachmentContentType;
    private byte[] attachment;
    private Instant submittedAt;
    private String submittedBy;

    public record Figure(String code, String value) {
    }

    public static String idOf(String periodId, String unitType, String unitCode) {
        return periodId + ":" + unitType + ":" + unitCode;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getReportId() {
        return reportId;
    }

    public void setReportId(String reportId) {
        this.reportId = reportId;
    }

    public String getPeriodId() {
        return periodId;
    }

    public void setPeriodId(String periodId) {
        this.periodId = periodId;
    }

    public String getUnitType() {
        return unitType;
    }

    public void setUnitType(String unitType) {
        this.unitType = unitType;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public List<Figure> getFigures() {
        return figures;
    }

    public void setFigures(List<Figure> figures) {
        this.figures = figures == null ? new ArrayList<>() : new ArrayList<>(figures);
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public void setAttachmentName(String attachmentName) {
        this.attachmentName = attachmentName;
    }

    public String getAttachmentContentType() {
        return attachmentContentType;
    }

    public void setAttachmentContentType(String attachmentContentType) {
        this.attachmentContentType = attachmentContentType;
    }

    public byte[] getAttachment() {
        return attachment;
    }

    public void setAttachment(byte[] attachment) {
        this.attachment = attachment;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(Instant submittedAt) {
        this.submittedAt = submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }
}
