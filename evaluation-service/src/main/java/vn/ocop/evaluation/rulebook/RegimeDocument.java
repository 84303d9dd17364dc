package vn.ocop.evaluation.rulebook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.evaluation.rulebook.domain.Regime;

/** One version of a regime; {@code _id} is {@code code@vN}, so loading the same version twice changes nothing. */
@Document("regimes")
record RegimeDocument(@Id String id, String code, int version, Regime regime, Instant loadedAt) {

    static String idOf(Regime regime) {
        return regime.code() + "@v" + regime.version();
    }
}
