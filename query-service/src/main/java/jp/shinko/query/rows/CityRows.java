package jp.shinko.query.rows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.query.rows.ProgressRow.Item;

/**
 * Progress rows of many municipalities at once, for the views across cities: kept in
 * PostgreSQL for the live answer, or folded in memory for an earlier instant.
 */
public interface CityRows extends ProgressRows {

    /** The registered municipalities' names by code. */
    Map<String, String> municipalityNames();

    /** Every row of a kind across the municipalities. */
    <R extends ProgressRow> List<R> listAcrossMunicipalities(String kind, Class<R> type);

    /** The items tagged with this focus theme, or with any when none is named. */
    List<Item> themedItems(Optional<String> theme);

    /** How many statuses each municipality reported per fiscal year, quarter and symbol. */
    List<SymbolCount> statusSymbolCounts();

    /** The number of statuses with one symbol in one quarter of a municipality. */
    record SymbolCount(String municipalityCode, int fiscalYear, int quarter, String symbol, long count) {
    }
}
