package jp.shinko.query.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cross-city summary's counts of rows stored before the projection kept them (migration 7)
 * are the counts the projection keeps: Otaru (012033), this test's own, counted both ways.
 */
@QueryServiceTest
class CityYearCountsBackfillTest {

    private static final MunicipalityCode OTARU = MunicipalityCode.of("012033");
    private static final PlanId PLAN = PlanId.of("p");

    @Autowired
    DataSource dataSource;

    @Autowired
    CityYearCountsBackfill backfill;

    @Test
    void theCountsOfRowsStoredBeforeAreTheOnesTheProjectionKeeps() throws Exception {
        StoredEvents.append("Municipality", OTARU.value(), 0,
                List.of(new MunicipalityRegistered(OTARU, "小樽市", "Otaru")));
        List<Object> events = new ArrayList<>(List.of(
                new PlanAdopted(OTARU, PLAN, "小樽市産業振興計画", FiscalYear.of(2023), FiscalYear.of(2024)),
                new PlanItemAdded(OTARU, PLAN, ItemId.of("i"), null, new PlanItemContent("1", "創業支援",
                        List.of("産業港湾部"), null, null, null, null, null)),
                new IndicatorDefined(OTARU, PLAN, ItemId.of("i"), "創業件数", "件", null, null)));
        for (int year = 2023; year <= 2024; year++) {
            events.add(new AnnualTargetSet(OTARU, PLAN, ItemId.of("i"), FiscalYear.of(year), BigDecimal.TEN, "件",
                    null));
            for (int quarter = 1; quarter <= 4; quarter++) {
                events.add(new PeriodStatusRecorded(OTARU, PLAN, ItemId.of("i"), "産業港湾部", FiscalYear.of(year),
                        Quarter.of(quarter), quarter % 2 == 0 ? "○" : "△", null, null, null));
            }
        }
        events.add(new AnnualActualRecorded(OTARU, PLAN, ItemId.of("i"), FiscalYear.of(2023), BigDecimal.TEN,
                "件", null));
        events.add(new PeriodStatusRecorded(OTARU, PLAN, ItemId.of("i"), "産業港湾部", FiscalYear.of(2023),
                Quarter.of(1), "◎", null, null, "記入誤りの訂正"));
        StoredEvents.append("Plan", OTARU.value() + ":plan:p", 0, events);

        List<String> kept = await().atMost(Duration.ofSeconds(30)).until(this::otarusCounts, counts -> counts.equals(
                List.of("2023 rating 0 A 1", "2023 status 1 ◎ 1", "2023 status 2 ○ 1", "2023 status 3 △ 1",
                        "2023 status 4 ○ 1", "2024 rating 0 未評価 1", "2024 status 1 △ 1", "2024 status 2 ○ 1",
                        "2024 status 3 △ 1", "2024 status 4 ○ 1")));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from query.city_year_count");
                backfill.migrate(connection);
                assertThat(otarusCounts(connection)).isEqualTo(kept);
            } finally {
                connection.rollback();
            }
        }
    }

    private List<String> otarusCounts() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return otarusCounts(connection);
        }
    }

    private static List<String> otarusCounts(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select fiscal_year, kind, quarter, label, count "
                + "from query.city_year_count where municipality_code = ? order by 1, 2, 3, 4")) {
            query.setString(1, OTARU.value());
            List<String> counts = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    counts.add(row.getInt(1) + " " + row.getString(2) + " " + row.getInt(3) + " " + row.getString(4)
                            + " " + row.getLong(5));
                }
            }
            return counts;
        }
    }
}
