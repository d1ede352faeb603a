package jp.shinko.query.rows;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.web.Paging;

/**
 * Progress rows of many municipalities at once, for the views across cities: kept in
 * PostgreSQL for the live answer, or folded in memory for an earlier instant.
 */
public interface CityRows extends ProgressRows {

    /** The registered municipalities' names by code. */
    Map<String, String> municipalityNames();

    /**
     * The ids of a plan's rows of one kind ({@link RowKey#rowId()}), without reading the rows:
     * what is there, for views that need no more, such as which quarters' statuses a plan has.
     */
    Set<String> rowIds(String municipalityCode, PlanId planId, String kind);

    /** Every row of a kind across the municipalities. */
    <R extends ProgressRow> List<R> listAcrossMunicipalities(String kind, Class<R> type);

    /** The items tagged with this focus theme, or with any when none is named. */
    List<Item> themedItems(Optional<String> theme);

    /**
     * One page of the municipality-years in scope, in the order of code and year, with their
     * counts (items by rating, rows by status symbol), and how many there are in all.
     */
    CityYearPage cityYearCounts(CityYearScope scope, int page, int size);

    /** The settings of these municipalities by code; one that has none is left out. */
    Map<String, Settings> settingsOf(Collection<String> municipalityCodes);

    /**
     * Every municipality's reporting deadlines by code, for the views that need nothing else of
     * the settings (which hold a city's organisations and legends too, and took most of the time
     * of the overdue tallies); one that has no settings is left out, as in {@link #settingsOf}.
     */
    default Map<String, ReportingDeadlines> deadlines() {
        return listAcrossMunicipalities(RowKey.SETTINGS, Settings.class).stream()
                .collect(Collectors.toMap(settings -> settings.municipalityCode().value(), Settings::deadlines));
    }

    /**
     * The municipality-years a summary is of: one municipality's or every one's (a prefecture's
     * own programmes only when it is asked for by code), of one fiscal year or all.
     */
    record CityYearScope(Optional<String> municipalityCode, Optional<Integer> fiscalYear) {

        boolean includes(String code, int year) {
            return municipalityCode.map(code::equals).orElseGet(() -> !MunicipalityCode.of(code).isPrefecture())
                    && fiscalYear.map(only -> only == year).orElse(true);
        }
    }

    /** A page of municipality-years: the counts of each, in order, and how many municipality-years there are. */
    record CityYearPage(List<CityYearCount> counts, int totalItems) {

        /** The page of the municipality-years of counts listed in order. */
        static CityYearPage of(List<CityYearCount> counts, int page, int size) {
            List<String> years = counts.stream().map(CityYearPage::year).distinct().toList();
            int from = Paging.firstRow(years.size(), page, size);
            Set<String> shown = Set.copyOf(years.subList(from, Math.min(years.size(), from + size)));
            return new CityYearPage(counts.stream().filter(count -> shown.contains(year(count))).toList(),
                    years.size());
        }

        private static String year(CityYearCount count) {
            return count.municipalityCode() + "|" + count.fiscalYear();
        }
    }
}
