package org.tongban.web;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * What the {@code fragments/pagination :: pagination} fragment draws: plain links to numbered pages, so that
 * paging works without JavaScript and every page has its own URL. Long ranges are shortened to the first page, the
 * last page and the neighbours of the current one ({@code 1 … 5 6 7 … 20}).
 *
 * <pre>{@code
 * model.addAttribute("pagination", Pagination.of(page, totalPages, p -> UriComponentsBuilder.fromPath("/search")
 *         .queryParam("q", query).queryParam("page", p).encode().toUriString()));
 * }</pre>
 *
 * @param page       the current page, counted from 1
 * @param totalPages how many pages there are (0 or 1: the fragment draws nothing)
 * @param previous   the link to the page before, absent on the first page
 * @param next       the link to the page after, absent on the last page
 * @param items      the numbered links and gaps in order
 */
public record Pagination(int page, int totalPages, @Nullable Link previous, @Nullable Link next, List<Link> items) {

    /**
     * A numbered link or, when {@code gap}, an ellipsis standing for the pages left out.
     *
     * @param href a path within the application (the fragment prefixes the context path), {@code null} for a gap
     */
    public record Link(int number, @Nullable String href, boolean current, boolean gap) {
    }

    /**
     * @param page       the current page, counted from 1
     * @param urlForPage builds the path within the application for a page number
     */
    public static Pagination of(int page, int totalPages, IntFunction<String> urlForPage) {
        if (totalPages < 0 || page < 1 || (totalPages > 0 && page > totalPages)) {
            throw new IllegalArgumentException("Page " + page + " of " + totalPages + " does not exist");
        }
        TreeSet<Integer> shown = new TreeSet<>();
        for (int number : new int[] {1, page - 1, page, page + 1, totalPages}) {
            if (number >= 1 && number <= totalPages) {
                shown.add(number);
            }
        }
        List<Link> items = new ArrayList<>();
        int previousNumber = 0;
        for (int number : shown) {
            if (number - previousNumber == 2) {
                // A gap standing for one page is no shorter than the page itself: show the page.
                items.add(new Link(number - 1, urlForPage.apply(number - 1), false, false));
            } else if (number - previousNumber > 2) {
                items.add(new Link(0, null, false, true));
            }
            items.add(new Link(number, urlForPage.apply(number), number == page, false));
            previousNumber = number;
        }
        Link previous = page > 1 ? new Link(page - 1, urlForPage.apply(page - 1), false, false) : null;
        Link next = page < totalPages ? new Link(page + 1, urlForPage.apply(page + 1), false, false) : null;
        return new Pagination(page, totalPages, previous, next, List.copyOf(items));
    }

    /** Whether there is more than one page, that is, whether the fragment draws anything. */
    public boolean needed() {
        return totalPages > 1;
    }
}
