package jp.shinko.infra.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The summary from envelopes as JSON: redeliveries ignored, ratings by the city's scheme of the year. */
class CrossCitySummaryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CrossCitySummary summary = new CrossCitySummary();

    @Test
    void aRedeliveredEventIsCountedOnceAndReportedAsADuplicate() {
        JsonNode target = envelope("e1", "AnnualTargetSet", "2023-06-01T00:00:00Z", 2023, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":2023,\"value\":20}");
        JsonNode actual = envelope("e2", "AnnualActualRecorded", "2024-05-01T00:00:00Z", 2023, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":2023,\"value\":19}");

        assertThat(summary.accept(target)).isTrue();
        assertThat(summary.accept(actual)).isTrue();
        assertThat(summary.accept(actual)).isFalse();

        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.lines()).singleElement().satisfies(line -> {
            assertThat(line.ratings()).containsExactly(Map.entry("S", 0L), Map.entry("A", 1L), Map.entry("B", 0L),
                    Map.entry("C", 0L), Map.entry(CrossCitySummary.NOT_RATED, 0L));
            assertThat(line.lastUpdate()).hasToString("2024-05-01T00:00:00Z");
        });
    }

    @Test
    void aSchemeAdoptedFromAYearRatesThatYearAndLaterOnesAndStatusesCountBySymbol() {
        summary.accept(envelope("s", "RatingSchemeAdopted", "2024-04-01T00:00:00Z", 2024, null,
                "{\"fromFiscalYear\":2024,\"scheme\":{\"bands\":[{\"label\":\"A\",\"minimumPercent\":100,"
                        + "\"minimumIncluded\":true},{\"label\":\"B\"}]}}"));
        for (int year = 2023; year <= 2024; year++) {
            summary.accept(envelope("t" + year, "AnnualTargetSet", "2024-04-02T00:00:00Z", year, null,
                    "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":" + year + ",\"value\":100}"));
            summary.accept(envelope("a" + year, "AnnualActualRecorded", "2024-04-02T00:00:00Z", year, null,
                    "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":" + year + ",\"value\":95}"));
        }
        summary.accept(envelope("q1", "PeriodStatusRecorded", "2024-07-01T00:00:00Z", 2024, 1,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"organisation\":\"課\",\"fiscalYear\":2024,\"quarter\":1,"
                        + "\"symbol\":\"△\"}"));
        summary.accept(envelope("q1-again", "PeriodStatusRecorded", "2024-07-02T00:00:00Z", 2024, 1,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"organisation\":\"課\",\"fiscalYear\":2024,\"quarter\":1,"
                        + "\"symbol\":\"○\"}"));

        assertThat(summary.lines()).extracting(line -> line.fiscalYear() + " " + line.ratings() + " "
                + line.statusSymbols()).containsExactly(
                "2023 {S=0, A=1, B=0, C=0, 未評価=0} {}",
                "2024 {A=0, B=1, 未評価=0} {○=1}");
    }

    @Test
    void theCitysOwnRatingCountsAndAYearWithNoTargetIsNotRated() {
        summary.accept(envelope("t", "AnnualTargetSet", "2024-04-02T00:00:00Z", 2023, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":2023,\"value\":100}"));
        summary.accept(envelope("a", "AnnualActualRecorded", "2024-04-02T00:00:00Z", 2023, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":2023,\"value\":95}"));
        summary.accept(envelope("r", "CityRatingRecorded", "2024-04-03T00:00:00Z", 2023, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":2023,\"rating\":\"B\",\"reason\":\"見込み\"}"));
        summary.accept(envelope("n", "NoTargetSet", "2024-04-03T00:00:00Z", 2024, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"fiscalYear\":2024,\"reason\":\"検討段階\"}"));

        assertThat(summary.lines()).extracting(line -> line.fiscalYear() + " " + line.ratings()).containsExactly(
                "2023 {S=0, A=0, B=1, C=0, 未評価=0}",
                "2024 {S=0, A=0, B=0, C=0, 未評価=1}");
    }

    /** A consumer keeps reading: an envelope whose figure it cannot place is counted as unreadable, not thrown. */
    @Test
    void anEnvelopeWithAFiscalYearOrQuarterNobodyKnowsIsCountedAsUnreadable() {
        assertThat(summary.accept(envelope("u1", "AnnualTargetSet", "2024-05-01T00:00:00Z", 2023, null,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"value\":20}"))).isTrue();
        assertThat(summary.accept(envelope("u2", "PeriodStatusRecorded", "2024-05-01T00:00:00Z", 2023, 5,
                "{\"planId\":\"p\",\"itemId\":\"i\",\"organisation\":\"市\",\"fiscalYear\":2023,"
                        + "\"quarter\":5,\"symbol\":\"○\"}"))).isTrue();

        assertThat(summary.unreadable()).isEqualTo(2);
        assertThat(summary.lines()).singleElement().satisfies(line -> {
            assertThat(line.statusSymbols()).isEmpty();
            assertThat(line.lastUpdate()).hasToString("2024-05-01T00:00:00Z");
        });
    }

    private static JsonNode envelope(String id, String type, String recordedAt, int fiscalYear, Integer quarter,
            String payload) {
        return JSON.readTree("{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"municipalityCode\":\"132284\","
                + "\"businessTime\":{\"fiscalYear\":" + fiscalYear + (quarter == null ? "" : ",\"quarter\":" + quarter)
                + "},\"recordedAt\":\"" + recordedAt + "\",\"payload\":" + payload + "}");
    }
}
