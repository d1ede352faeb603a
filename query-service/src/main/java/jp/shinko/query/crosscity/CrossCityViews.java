package jp.shinko.query.crosscity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.query.web.Paging;

/** What the metropolitan government sees across cities, as the API answers it. */
final class CrossCityViews {

    private CrossCityViews() {
    }

    /** One page of rows across municipalities. */
    record Listing<T>(List<T> items, int page, int size, int totalItems) {

        static <T> Listing<T> of(List<T> rows, int page, int size) {
            int from = Paging.firstRow(rows.size(), page, size);
            return new Listing<>(rows.subList(from, Math.min(rows.size(), from + size)), page, size, rows.size());
        }
    }

    /**
     * A municipality's fiscal year in counts: items by rating (under the scheme of that year),
     * those not rated (no actual yet, or a target of 0), and rows by status symbol per quarter.
     */
    record CityYear(String municipalityCode, String municipalityName, int fiscalYear, String fiscalYearJapanese,
            Map<String, Long> ratings, long notRated, Map<String, Map<String, Long>> statusSymbols) {
    }

    /** An item tagged with focus themes, in any city's plan. */
    record ThemedItem(String municipalityCode, String municipalityName, PlanId planId, String planName,
            ItemId itemId, String number, String title, List<String> organisations, List<String> focusThemes,
            boolean retired) {
    }

    /**
     * A report that is overdue: a quarter's status of an item's row, or a fiscal year's actual of
     * an item with an indicator, not entered by the municipality's deadline.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MissingReport(String municipalityCode, String municipalityName, PlanId planId, ItemId itemId,
            String number, String title, String kind, String organisation, int fiscalYear, String fiscalYearJapanese,
            Integer quarter, String period, LocalDate dueOn, long daysOverdue) {
    }

    /**
     * A view with a row per municipality or per theme, whole: it never has more rows than the
     * municipalities the caller may read, so it is not paged.
     */
    record Whole<T>(List<T> items, int totalItems) {

        static <T> Whole<T> of(List<T> rows) {
            return new Whole<>(rows, rows.size());
        }
    }

    /**
     * A municipality's overdue reports in counts: of both kinds and of each, and the oldest
     * deadline among them with how many days it has passed.
     */
    record OverdueTally(String municipalityCode, String municipalityName, long reports, long statuses, long actuals,
            LocalDate oldestDueOn, long mostDaysOverdue) {

        OverdueTally plus(OverdueTally other) {
            boolean older = other.oldestDueOn.isBefore(oldestDueOn);
            return new OverdueTally(municipalityCode, municipalityName, reports + other.reports,
                    statuses + other.statuses, actuals + other.actuals, older ? other.oldestDueOn : oldestDueOn,
                    Math.max(mostDaysOverdue, other.mostDaysOverdue));
        }
    }

    /** A focus theme across cities: how many items name it, and in which municipalities. */
    record ThemeTally(String theme, long items, List<Named> municipalities) {

        /** The counts of two sets of municipalities, the other's after this one's. */
        ThemeTally plus(ThemeTally other) {
            List<Named> both = new ArrayList<>(municipalities);
            both.addAll(other.municipalities);
            return new ThemeTally(theme, items + other.items, both);
        }
    }

    /** A municipality by code and name. */
    record Named(String municipalityCode, String municipalityName) {
    }
}
