package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Akiruno's whole progress table (shared-events/src/test/resources/seeds/004…) entered through the REST API by the
 * seed loader, as its clerk would: the plan's 3 directions, 7 measures and 14
 * businesses, each business's indicator and baseline, targets R5–R8 and actuals R5–R7. Not one
 * valid row is refused, the stored values give back every rating the city printed, and entering
 * the table a second time stores nothing.
 */
@CommandServiceTest
class AkirunoTableTest {

    private static final String AKIRUNO = "132284";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWholeTableGoesInAndGivesBackTheCitysRatingsAndASecondEntryStoresNothing() {
        register();
        SeedLoader loader = new SeedLoader(URI.create("http://localhost:" + port), AkirunoTableTest::editorOf);

        loader.loadAkiruno();
        Map<String, Integer> stored = eventCounts();
        SeedLoader.Summary first = loader.summary();
        loader.loadAkiruno();

        assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.of("MunicipalityRegistered", 1,
                "RatingSchemeAdopted", 1, "OrganisationRegistered", 4, "PlanAdopted", 1, "PlanItemAdded", 24,
                "IndicatorDefined", 14, "AnnualTargetSet", 56, "AnnualActualRecorded", 42, "NarrativeRevised", 28));
        assertThat(eventCounts()).as("entered twice").isEqualTo(stored);
        assertThat(loader.summary().replayed()).as("the second entry answered from the kept answers")
                .isEqualTo(first.requests());
        assertThat(ratingsFromStoredValues()).isEqualTo(ratingsPrinted());
    }

    private void register() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", AKIRUNO, "name", "あきる野市", "romanisedName", "Akiruno"))
                .exchange().expectStatus().isCreated();
    }

    private static String editorOf(String code) {
        return TestTokens.of(new Actor("akiruno-clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    private Map<String, Integer> eventCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select payload_type, count(*) as n from event_store.domain_event_entry where municipality_code = ? "
                        + "group by payload_type").param(AKIRUNO)
                .query((row, number) -> counts.put(row.getString("payload_type"), row.getInt("n"))).list();
        return counts;
    }

    /** "d1-m1-b1 2023" to the rating the default scheme gives the stored target and actual. */
    private Map<String, String> ratingsFromStoredValues() {
        Map<String, BigDecimal> targets = storedValues("AnnualTargetSet");
        Map<String, String> ratings = new HashMap<>();
        storedValues("AnnualActualRecorded").forEach((key, actual) -> ratings.put(key,
                RatingScheme.DEFAULT.rate(targets.get(key), actual).orElseThrow().label()));
        return ratings;
    }

    private Map<String, BigDecimal> storedValues(String type) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("""
                        select p ->> 'itemId' as item, p ->> 'fiscalYear' as year, (p ->> 'value')::numeric as value
                        from (select convert_from(payload, 'UTF8')::jsonb as p from event_store.domain_event_entry
                              where municipality_code = ? and payload_type = ? order by global_index) entries""")
                .params(AKIRUNO, type)
                .query((row, number) -> values.put(row.getString("item") + " " + row.getString("year"),
                        row.getBigDecimal("value"))).list();
        return values;
    }

    private static Map<String, String> ratingsPrinted() {
        Map<String, String> ratings = new HashMap<>();
        SeedLoader.akirunoBusinesses().forEach((itemId, business) -> business.path("years").properties().stream()
                .filter(year -> year.getValue().has("rating"))
                .forEach(year -> ratings.put(itemId + " " + year.getKey(),
                        year.getValue().path("rating").asString())));
        return ratings;
    }
}
