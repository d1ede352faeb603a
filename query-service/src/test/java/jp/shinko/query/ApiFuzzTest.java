package jp.shinko.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.shinko.infra.testsupport.ApiFuzzer;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every operation of the query API, from its own OpenAPI description, sent bad parameters
 * ({@link ApiFuzzer}), by an admin who may call them all: every answer is a 4xx problem, and
 * nothing is stored. The seed is printed; {@code -Dshinko.fuzz.seed=N} replays a run.
 */
@QueryServiceTest
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationAnswersBadInputWithAClientProblem() throws Exception {
        long seed = Long.getLong("shinko.fuzz.seed", System.nanoTime());
        System.out.println("ApiFuzzTest seed: " + seed + " (replay with -Dshinko.fuzz.seed=" + seed + ")");
        long before = events();

        List<ApiFuzzer.Failure> failures = new ApiFuzzer(URI.create("http://localhost:" + port), seed,
                path -> TestTokens.admin(),
                Map.of("code", "262013", "planId", "p", "itemId", "a", "kpiId", "k", "format", "csv",
                        "fiscalYear", "R5", "from", "2025-01-01", "kind", "target", "item", "a"))
                .run(30);

        assertThat(failures).as("answers that are not a 4xx problem (seed %d)", seed).isEmpty();
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.sql("select count(*) from event_store.domain_event_entry").query(Long.class).single();
    }
}
