package ai.aimass.api.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list answer.
 *
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems the number of items on all pages
 * @param totalPages the number of pages
 * @param <T> the item type
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /**
     * Maps a page of stored rows to a page of views.
     * @param rows the page read from a repository
     * @param mapper turns one row into its view
     * @param <E> the row type
     * @param <T> the view type
     * @return the page of views
     */
    public static <E, T> PageView<T> of(Page<E> rows, Function<E, T> mapper) {
        return new PageView<>(rows.getContent().stream().map(mapper).toList(), rows.getNumber(), rows.getSize(),
                rows.getTotalElements(), rows.getTotalPages());
    }

    /**
     * Wraps a page of views.
     * @param views the page
     * @param <T> the view type
     * @return the page in the API's shape
     */
    public static <T> PageView<T> of(Page<T> views) {
        return new PageView<>(views.getContent(), views.getNumber(), views.getSize(), views.getTotalElements(),
                views.getTotalPages());
    }

    /**
     * Cuts one page out of a complete, ordered list.
     * @param all every item
     * @param page the page number, from 0
     * @param size the page size
     * @param <T> the item type
     * @return the page
     */
    public static <T> PageView<T> slice(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        int totalPages = (int) ((all.size() + (long) size - 1) / size);
        return new PageView<>(List.copyOf(all.subList((int) from, (int) to)), page, size, all.size(), totalPages);
    }

}
