package jp.shinko.query.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.shinko.query.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A projection batch reads the rows its events touch through an index on their municipality,
 * however large the table: the first version compared the char(6) codes as text, which no
 * index serves, and a rebuild of a million events slowed to a third as the table grew, each
 * batch reading all of it.
 */
@QueryServiceTest
class ProgressRowsPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theRowsOfABatchAreFoundThroughAnIndexOnTheirMunicipality() {
        List<String> plan = transaction.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain " + JdbcProgressRows.FIND_ALL)
                    .params(new String[] {"132284", "132039"}, new String[] {"shoko-2023", "sangyo-2"},
                            new String[] {"figure", "status"}, new String[] {"a|2023", "b"})
                    .query(String.class).list();
        });

        assertThat(plan).anySatisfy(line -> assertThat(line).contains("Index Cond:")
                .contains("(municipality_code = k.municipality_code)"));
        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan");
    }
}
