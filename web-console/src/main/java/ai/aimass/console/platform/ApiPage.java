package ai.aimass.console.platform;

import java.util.List;

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

}
