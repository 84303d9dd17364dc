package vn.ocop.dossier.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.ocop.dossier.support.Events;
import vn.ocop.dossier.support.IntegrationTest;

/** Optimistic locking, and saves that never put an already published event back into the outbox. */
class DossierStoreTest extends IntegrationTest {

    @Autowired
    DossierStore store;

    @Autowired
    Clock clock;

    @Test
    void aStaleCopyCannotOverwriteANewerState() {
        String dossier = completeDraft(TAN_CHAU, "Nước mắm Phú Quốc", null);
        DossierStore.Loaded first = store.load(dossier);
        DossierStore.Loaded stale = store.load(dossier);

        first.dossier().changeRound("dot-a", "officer", clock.instant());
        store.save(first, List.of(), clock.instant());
        stale.dossier().changeRound("dot-b", "officer", clock.instant());

        assertThatThrownBy(() -> store.save(stale, List.of(), clock.instant()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(store.load(dossier).dossier().roundId()).isEqualTo("dot-a");
    }

    @Test
    void anEventPublishedWhileTheDossierWasLoadedIsNotPublishedAgain() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU);
        String dossier = completeDraft(TAN_CHAU, "Bánh tét lá cẩm", roundId);
        assertThat(api.post("/dossiers/" + dossier + "/submit", officer(TAN_CHAU), "").status()).isEqualTo(200);
        DossierStore.Loaded loadedBeforeRelay = store.load(dossier);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.load(dossier).record().getOutbox().isEmpty());

        var events = loadedBeforeRelay.dossier().withdraw("Chủ thể xin rút", "officer", clock.instant());
        store.save(loadedBeforeRelay, events, clock.instant());

        await().atMost(Duration.ofSeconds(30)).until(() -> Events.dossierEventsOf(dossier).size() >= 2);
        assertThat(Events.dossierEventsOf(dossier)).extracting(r -> Events.header(r, "ce_type"))
                .containsExactly("vn.ocop.dossier.submitted.v1", "vn.ocop.dossier.withdrawn.v1");
    }
}
