package ai.aimass.console.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a list answered by platform-api.
 *
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems the number of items on all pages
 * @param totalPages the number of pages
 * @param <T> the item type
 */
public record ApiPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The largest page that platform-api answers. */
    public static final int MAX_SIZE = 100;

    public ApiPage {
        items = (items != null) ? items : List.of();
    }

    /** Whether there is a page before this one. */
    public boolean hasPrevious() {
        return this.page > 0;
    }

    /** Whether there is a page after this one. */
    public boolean hasNext() {
        return this.page + 1 < this.totalPages;
    }

    /**
     * Reads every page of a list, from the first until one says there is no next.
     * @param readPage reads the page of the given number, from 0
     * @param <T> the item type
     * @return the items of all pages, in order
     */
    public static <T> List<T> readAll(IntFunction<ApiPage<T>> readPage) {
        List<T> items = new ArrayList<>();
        int page = 0;
        ApiPage<T> answer;
        do {
            answer = readPage.apply(page);
            items.addAll(answer.items());
            page++;
        }
        while (answer.hasNext());
        return items;
    }

}
