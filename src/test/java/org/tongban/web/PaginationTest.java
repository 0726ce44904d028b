package org.tongban.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTest {

    private static String url(int page) {
        return "/search?q=x&page=" + page;
    }

    private static List<String> shown(Pagination pagination) {
        return pagination.items().stream().map(item -> item.gap() ? "…" : item.current() ? "[" + item.number() + "]"
                : String.valueOf(item.number())).toList();
    }

    @Test
    void showsTheEndsAndTheNeighboursOfTheCurrentPage() {
        assertThat(shown(Pagination.of(6, 20, PaginationTest::url))).containsExactly("1", "…", "5", "[6]", "7", "…", "20");
    }

    @Test
    void showsAPageRatherThanAGapStandingForOnePage() {
        assertThat(shown(Pagination.of(3, 20, PaginationTest::url))).containsExactly("1", "2", "[3]", "4", "…", "20");
        assertThat(shown(Pagination.of(4, 4, PaginationTest::url))).containsExactly("1", "2", "3", "[4]");
    }

    @Test
    void linksToThePreviousAndNextPageWhereThereIsOne() {
        Pagination first = Pagination.of(1, 3, PaginationTest::url);
        assertThat(first.previous()).isNull();
        assertThat(first.next()).isNotNull().extracting(Pagination.Link::href).isEqualTo("/search?q=x&page=2");
        Pagination last = Pagination.of(3, 3, PaginationTest::url);
        assertThat(last.next()).isNull();
        assertThat(last.previous()).isNotNull().extracting(Pagination.Link::number).isEqualTo(2);
    }

    @Test
    void isNotNeededForASinglePageOrNone() {
        assertThat(Pagination.of(1, 1, PaginationTest::url).needed()).isFalse();
        assertThat(Pagination.of(1, 0, PaginationTest::url).needed()).isFalse();
        assertThat(Pagination.of(1, 2, PaginationTest::url).needed()).isTrue();
    }

    @Test
    void refusesAPageThatDoesNotExist() {
        assertThatThrownBy(() -> Pagination.of(0, 5, PaginationTest::url)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pagination.of(6, 5, PaginationTest::url)).isInstanceOf(IllegalArgumentException.class);
    }
}
