package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
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
 * Musashino's FY2023 progress table (shared-events/src/test/resources/seeds/001…) entered through the REST API by the
 * seed loader: its 5 goals, 10 basic measures, 35 measures and 138 rows, each
 * row an initiative of one organisation with its four quarters, and the 4th-quarter reason and
 * remark where the city gave them. No valid row is refused, and the stored statuses add up to
 * the table's own counts (108 ○○○○, 20 □□□□, 5 ////, 3 △△△△, 1 ○○○◎, 1 ××××).
 */
@CommandServiceTest
class MusashinoTableTest {

    private static final String MUSASHINO = "132039";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRowGoesInWithItsFourQuartersAndReasonsAndTheStatusesAddUpToTheTable() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", MUSASHINO, "name", "武蔵野市", "romanisedName", "Musashino"))
                .exchange().expectStatus().isCreated();

        new SeedLoader(URI.create("http://localhost:" + port), code -> TestTokens.of(new Actor("musashino-clerk",
                Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null))).loadMusashino();

        assertThat(eventCount("PlanItemAdded")).isEqualTo(5 + 10 + 35 + 138);
        assertThat(eventCount("PeriodStatusRecorded")).isEqualTo(138 * 4);
        List<String> rows = jdbc.sql("""
                        select string_agg(p ->> 'symbol', '' order by (p ->> 'quarter')::int)
                        from (select convert_from(payload, 'UTF8')::jsonb as p from event_store.domain_event_entry
                              where municipality_code = ? and payload_type = 'PeriodStatusRecorded') statuses
                        group by p ->> 'itemId'""")
                .param(MUSASHINO).query(String.class).list();
        assertThat(rows).hasSize(138);
        assertThat(Map.of("○○○○", count(rows, "○○○○"), "□□□□", count(rows, "□□□□"), "////", count(rows, "////"),
                "△△△△", count(rows, "△△△△"), "○○○◎", count(rows, "○○○◎"), "××××", count(rows, "××××")))
                .isEqualTo(Map.of("○○○○", 108L, "□□□□", 20L, "////", 5L, "△△△△", 3L, "○○○◎", 1L, "××××", 1L));
        assertThat(jdbc.sql("""
                        select p ->> 'reasonCode' as reason, count(*) as n
                        from (select convert_from(payload, 'UTF8')::jsonb as p from event_store.domain_event_entry
                              where municipality_code = ? and payload_type = 'PeriodStatusRecorded') statuses
                        where p ->> 'reasonCode' is not null group by 1 order by 1""")
                .param(MUSASHINO).query((row, number) -> row.getString("reason") + "=" + row.getInt("n")).list())
                .containsExactly("2=1", "3=14", "4=10");
    }

    private static long count(List<String> rows, String quarters) {
        return rows.stream().filter(quarters::equals).count();
    }

    private int eventCount(String type) {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where municipality_code = ? "
                + "and payload_type = ?").params(MUSASHINO, type).query(Integer.class).single();
    }
}
