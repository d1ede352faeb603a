package jp.shinko.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.ApiFuzzer;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every operation of the command API, from its own OpenAPI description, sent bad parameters and
 * bodies ({@link ApiFuzzer}): every answer is a 4xx problem and no event is stored. The seed is
 * printed; {@code -Dshinko.fuzz.seed=N} replays a run. The municipality written to is Shiga's
 * Otsu (25), never registered, so that a request the generator happens to make valid is a 404.
 */
@CommandServiceTest
class ApiFuzzTest {

    private static final String OTSU = "252018";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationAnswersBadInputWithAClientProblemAndStoresNothing() throws Exception {
        long seed = Long.getLong("shinko.fuzz.seed", System.nanoTime());
        System.out.println("ApiFuzzTest seed: " + seed + " (replay with -Dshinko.fuzz.seed=" + seed + ")");
        String editor = TestTokens.of(new Actor("otsu", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(OTSU), null));
        String admin = TestTokens.admin();
        long before = events();

        List<ApiFuzzer.Failure> failures = new ApiFuzzer(URI.create("http://localhost:" + port), seed,
                path -> path.startsWith("/municipalities/") ? editor : admin,
                Map.of("code", OTSU, "planId", "p", "itemId", "a", "kpiId", "k", "fiscalYear", "R5",
                        "quarter", "1", "from", "2025-01-01"))
                .run(30);

        assertThat(failures).as("answers that are not a 4xx problem (seed %d)", seed).isEmpty();
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.sql("select count(*) from event_store.domain_event_entry").query(Long.class).single();
    }
}
