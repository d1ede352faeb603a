package jp.shinko.web.home;

import java.util.List;

/**
 * One page of a list shown in pages: its rows, and where they are in the whole (numbered from 1
 * for people; 0 to 0 of an empty list). A page number past either end shows the nearest page, so
 * an old link never shows an empty page.
 *
 * @param rows the rows of this page
 * @param total how many rows the whole list has
 * @param first the number of this page's first row, from 1
 * @param last the number of its last row
 * @param page this page's number, from 0
 * @param pages how many pages there are, at least 1
 */
record ListPage<T>(List<T> rows, int total, int first, int last, int page, int pages) {

    static <T> ListPage<T> of(List<T> all, int asked, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.min(Math.max(asked, 0), pages - 1);
        int from = page * size;
        int to = Math.min(all.size(), from + size);
        return new ListPage<>(all.subList(from, to), all.size(), all.isEmpty() ? 0 : from + 1, to, page, pages);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page < pages - 1;
    }
}
