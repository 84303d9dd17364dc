package vn.ocop.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.networknt.schema.format.DateTimeFormat;

import tools.jackson.databind.json.JsonMapper;
import vn.ocop.contracts.dossier.DossierSubmitted;

/**
 * {@link IsoInstants} and the two places that use its short path ({@link EventJson}, the schemas' {@code date-time}
 * check) against the parsers they stand in for, on the same texts: what the platform writes, and that text bent in
 * every way a hand or a foreign producer might bend it.
 */
class IsoInstantsTest {

    private static final JsonMapper PLAIN_JACKSON = JsonMapper.builder().build();

    @Test
    void everyInstantTheJdkWritesTakesTheShortPathWithTheSameValue() {
        for (Instant instant : writtenInstants()) {
            assertThat(IsoInstants.parseUtc(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
    }

    @Test
    void parseAcceptsAndRefusesExactlyWhatInstantParseDoes() {
        for (String text : candidates()) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException refused) {
                assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void theDateTimeFormatCheckAgreesWithTheValidatorsOwn() {
        DateTimeFormat standard = new DateTimeFormat();
        UtcFirstDateTimeFormat utcFirst = new UtcFirstDateTimeFormat();
        for (String text : candidates()) {
            assertThat(utcFirst.matches(null, text)).as(text).isEqualTo(standard.matches(null, text));
        }
        assertThat(utcFirst.getName()).isEqualTo("date-time");
    }

    @Test
    void eventBodiesReadTheirInstantsAsPlainJacksonDoes() {
        String body = new String(EventJson.write(EventSamples.dossierSubmitted()), UTF_8);
        String written = "\"" + EventSamples.dossierSubmitted().submittedAt() + "\"";
        assertThat(body).contains(written);
        for (String text : candidates()) {
            String json = body.replace(written, PLAIN_JACKSON.writeValueAsString(text));
            Instant expected;
            try {
                expected = PLAIN_JACKSON.readValue(json, DossierSubmitted.class).submittedAt();
            } catch (RuntimeException refused) {
                assertThatThrownBy(() -> EventJson.read(json.getBytes(UTF_8),
                        DossierSubmitted.class)).as(text)
                        .isInstanceOf(EventFormatException.class).hasMessageContaining("$.submittedAt");
                continue;
            }
            assertThat(EventJson.read(json.getBytes(UTF_8), DossierSubmitted.class)
                    .submittedAt()).as(text).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-07-10T09:30:00+07:00", "2016-12-31T23:59:60Z", "2025-07-10t02:30:00z", "0000-01-01T00:00:00Z",
            "2025-07-10T02:30:00.1234567890Z", "2025-07-10T02:30:00.Z", "+12025-07-10T02:30:00Z",
            "2025-07-10T24:00:00Z"})
    void textOutsideTheUtcFormIsLeftToTheJdk(String text) {
        assertThat(IsoInstants.parseUtc(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z",
            "2025-07-10T02:60:00Z", "2025-07-10 02:30:00Z", "2025-07-10T02:30Z", ""})
    void impossibleOrMalformedTimesAreRefusedAsTheJdkRefusesThem(String text) {
        assertThat(IsoInstants.parseUtc(text)).isNull();
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeException.class);
    }

    /** Instants as the platform writes them: whole seconds, milli-, micro- and nanoseconds, years 1 to 9999. */
    private static List<Instant> writtenInstants() {
        Random random = new Random(20251206);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2024-02-29T12:00:00Z"),
                Instant.parse("2000-02-29T00:00:00.000001Z"), Instant.parse("1900-03-01T00:00:00Z")));
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] precisions = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 4_000; i++) {
            long second = i % 2 == 0
                    ? first + (long) (random.nextDouble() * (last - first))
                    : 1_700_000_000L + random.nextInt(400_000_000);
            int unit = precisions[i % precisions.length];
            instants.add(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000) / unit * unit));
        }
        return instants;
    }

    /** The written texts, then each bent: a character replaced, dropped or doubled, and known edge cases. */
    private static Set<String> candidates() {
        Random random = new Random(61220);
        String alphabet = "0123456789-:.TZtz+ ";
        Set<String> texts = new LinkedHashSet<>();
        for (Instant instant : writtenInstants().subList(0, 600)) {
            String text = instant.toString();
            texts.add(text);
            int at = random.nextInt(text.length());
            char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            texts.add(text.substring(0, at) + replacement + text.substring(at + 1));
            texts.add(text.substring(0, at) + text.substring(at + 1));
            texts.add(text.substring(0, at) + text.charAt(at) + text.substring(at));
            texts.add(text.replace("Z", "+07:00"));
            texts.add(text.substring(0, 17) + "60Z");
        }
        texts.addAll(List.of("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-00-10T00:00:00Z", "2025-07-00T00:00:00Z",
                "2025-07-10T24:00:00Z", "2025-07-10T23:59:60Z", "2016-12-31T23:59:60Z", "2025-07-10T02:30:00.Z",
                "2025-07-10T02:30:00.1234567890Z", "2025-07-10t02:30:00z", "0000-01-01T00:00:00Z",
                "2025-07-10T02:30:00", "2025-07-10T02:30Z", "2025-07-10T09:30:00+07:00", "2025-07-10T02:30:00-00:00",
                "+12025-07-10T02:30:00Z", "2025-07-10T02:30:00.000Z", "２０２５-07-10T02:30:00Z", " 2025-07-10T02:30:00Z",
                "2025-07-10T02:30:00Z ", "2025-7-10T02:30:00Z", "20250710T023000Z"));
        return texts;
    }
}
