package vn.ocop.evaluation.rounds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.evaluation.rounds.domain.Round;
import vn.ocop.evaluation.rulebook.RulebookService;

@Service
public class RoundService {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoOperations mongo;
    private final RulebookService rulebook;
    private final Clock clock;

    RoundService(MongoOperations mongo, RulebookService rulebook, Clock clock) {
        this.mongo = mongo;
        this.rulebook = rulebook;
        this.clock = clock;
    }

    public record OpenRound(String name, String regimeCode, CouncilLevel level, LocalDate submissionDeadline,
            List<LocalDate> plannedSessionDates, List<RoundLocality> localities) {
    }

    public Round open(OpenRound command, String officer) {
        var regime = rulebook.regime(command.regimeCode() == null ? "" : command.regimeCode());
        Round round = Round.open(UUID.randomUUID().toString(), command.name(), regime, command.level(),
                command.submissionDeadline(), command.plannedSessionDates(), command.localities(),
                LocalDate.now(clock.withZone(VIETNAM)), clock.instant(), officer);
        mongo.insert(RoundDocument.opened(round));
        return round;
    }

    public Optional<Round> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RoundDocument.class)).map(doc -> doc.round);
    }

    public Round get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("round.not-found", id));
    }

    public List<Round> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "round.openedAt")), RoundDocument.class)
                .stream().map(doc -> doc.round).toList();
    }
}
