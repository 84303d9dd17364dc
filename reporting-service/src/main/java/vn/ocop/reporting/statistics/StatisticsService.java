package vn.ocop.reporting.statistics;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.reporting.statistics.domain.GroupBy;
import vn.ocop.reporting.statistics.domain.Statistics;
import vn.ocop.reporting.statistics.domain.StatisticsCalculator;
import vn.ocop.reporting.statistics.domain.StatisticsFilter;

/**
 * Statistics with the access rules: the province and departments see everything; a locality officer sees
 * province-wide totals and its own locality's rows, never another locality's details.
 */
@Service
public class StatisticsService {

    private final StatisticsReadModel readModel;
    private final Clock clock;

    public StatisticsService(StatisticsReadModel readModel, Clock clock) {
        this.readModel = readModel;
        this.clock = clock;
    }

    /**
     * Whether {@code me} may read statistics, for {@code localityCode} if one is asked for: decided before the
     * request's other parameters are checked, so a caller who may not ask learns nothing from their problems.
     */
    public void requireMayRead(AgencyPrincipal me, String localityCode) {
        requireReader(me);
        if (me.has(Role.LOCALITY_OFFICER) && !readsAll(me) && localityCode != null && !localityCode.isBlank()
                && !localityCode.equals(me.locality())) {
            throw new ForbiddenException("statistics.other-locality", localityCode);
        }
    }

    public Statistics statistics(AgencyPrincipal me, StatisticsFilter filter, GroupBy groupBy) {
        requireMayRead(me, filter.localityCode());
        Statistics statistics = StatisticsCalculator.compute(readModel.active(), filter, groupBy, today());
        if (readsAll(me)) {
            return statistics;
        }
        return new Statistics(statistics.filter(), statistics.asOf(), statistics.groupBy(), statistics.totals(),
                groupBy == GroupBy.LOCALITY
                        ? statistics.rows().stream().filter(row -> row.key().equals(me.locality())).toList()
                        : statistics.rows(),
                statistics.progress().stream().filter(row -> row.localityCode().equals(me.locality())).toList());
    }

    /** Province-wide figures without access checks, for the consolidated report of a period. */
    public Statistics provinceWide(StatisticsFilter filter, GroupBy groupBy) {
        return StatisticsCalculator.compute(readModel.active(), filter, groupBy, today());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(StatisticsFilter.ZONE));
    }

    static boolean readsAll(AgencyPrincipal me) {
        return me.has(Role.PROVINCE_OFFICER) || me.has(Role.DEPARTMENT_OFFICER);
    }

    static void requireReader(AgencyPrincipal me) {
        if (!readsAll(me) && !(me.has(Role.LOCALITY_OFFICER) && me.locality() != null)) {
            throw new ForbiddenException("statistics.forbidden");
        }
    }

}
