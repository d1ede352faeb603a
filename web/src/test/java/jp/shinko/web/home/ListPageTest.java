package jp.shinko.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which rows a page of a list shows, and where they are in the whole, as people count them. */
class ListPageTest {

    private static final List<Integer> COUNTRY = IntStream.rangeClosed(1, 1741).boxed().toList();

    @Test
    void aCountrysMunicipalitiesAreNinePagesOf200AndTheLastHasTheRest() {
        ListPage<Integer> first = ListPage.of(COUNTRY, 0, 200);
        ListPage<Integer> last = ListPage.of(COUNTRY, 8, 200);

        assertThat(List.of(first.rows().size(), first.first(), first.last(), first.pages())).containsExactly(200, 1,
                200, 9);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(last.rows()).containsExactlyElementsOf(COUNTRY.subList(1600, 1741));
        assertThat(List.of(last.first(), last.last())).containsExactly(1601, 1741);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
    }

    @Test
    void aPageNumberPastEitherEndShowsTheNearestPage() {
        assertThat(ListPage.of(COUNTRY, -3, 200).page()).isZero();
        assertThat(ListPage.of(COUNTRY, 99, 200).rows()).startsWith(1601);
    }

    @Test
    void aShortListIsOnePageAndAnEmptyOneShowsNoRows() {
        ListPage<Integer> few = ListPage.of(List.of(1, 2, 3), 0, 200);
        ListPage<Integer> none = ListPage.of(List.of(), 2, 200);

        assertThat(List.of(few.pages(), few.first(), few.last())).containsExactly(1, 1, 3);
        assertThat(few.hasNext()).isFalse();
        assertThat(List.of(none.pages(), none.page(), none.first(), none.last(), none.rows().size()))
                .containsExactly(1, 0, 0, 0, 0);
    }
}
