package vn.ocop.reporting.periods;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;

/**
 * A reporting period (kỳ báo cáo) opened by the provincial standing office; it carries its own outbox
 * (ReportPeriodOpened). Dates are ISO strings of Asia/Ho_Chi_Minh calendar dates.
 */
@Document("report_periods")
public class ReportPeriodDocument extends OutboxDocument {

    @Id
    private String id;
    @Version
    private Long version;
    private String kind;
    private String label;
    private String startDate;
    private String endDate;
    private String dueDate;
    private List<Unit> units = new ArrayList<>();
    private Instant openedAt;
    private String openedBy;

    public record Unit(String unitType, String unitCode) {
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

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getDueDate() {
        return dueDate;
    }

    public void setDueDate(String dueDate) {
        this.dueDate = dueDate;
    }

    public List<Unit> getUnits() {
        return units;
    }

    public void setUnits(List<Unit> units) {
        this.units = units == null ? new ArrayList<>() : new ArrayList<>(units);
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public void setOpenedAt(Instant openedAt) {
        this.openedAt = openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public void setOpenedBy(String openedBy) {
        this.openedBy = openedBy;
    }
}
