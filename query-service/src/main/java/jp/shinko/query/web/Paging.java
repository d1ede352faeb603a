package jp.shinko.query.web;

import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.InvalidFiscalYear;

/** The query parameters every table shares: its page and the fiscal year it is for. */
public final class Paging {

    static final int MAX_PAGE_SIZE = 500;

    private Paging() {
    }

    /**
     * @throws InvalidField naming {@code page} or {@code size} unless page ≥ 0 and 1 ≤ size ≤ {@value #MAX_PAGE_SIZE}
     */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidField("page", page, "the first page is 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidField("size", size, "a page holds 1 to " + MAX_PAGE_SIZE + " rows");
        }
    }

    /** The index of the first row of a page among {@code total} rows; past the end for a page after the last. */
    public static int firstRow(int total, int page, int size) {
        return (int) Math.min(total, (long) page * size); // page × size may pass the int range
    }

    /**
     * @throws InvalidField naming {@code fiscalYear} unless it is written 2025, R7 or 令和7
     */
    public static FiscalYear fiscalYear(String text) {
        try {
            return FiscalYear.parse(text);
        } catch (InvalidFiscalYear invalid) {
            throw new InvalidField("fiscalYear", text, invalid.getMessage());
        }
    }
}
