package ai.aimass.api.web;

import ai.aimass.api.ApiProperties;
import ai.aimass.api.problem.ApiException;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code page} and {@code size} parameters of list endpoints.
 * <p>
 * A page must start within {@link Integer#MAX_VALUE} items, the largest offset a database
 * query takes, so the largest page number depends on the size.
 */
@Component
public class Paging {

    /** The page size when none is asked for. */
    public static final String DEFAULT_SIZE = "20";

    private final int maxPageSize;

    public Paging(ApiProperties properties) {
        this.maxPageSize = properties.maxPageSize();
    }

    /**
     * Returns the page request for valid parameters.
     * @param page the page number, from 0
     * @param size the page size, 1 to the configured maximum
     * @param sort the order of the list
     * @return the page request
     * @throws ApiException with code {@code invalid_input} naming the parameter at fault
     */
    public Pageable request(int page, int size, Sort sort) {
        check(page, size);
        return PageRequest.of(page, size, sort);
    }

    /**
     * Checks the parameters of a list that is paged in memory.
     * @param page the page number, from 0
     * @param size the page size, 1 to the configured maximum
     * @throws ApiException with code {@code invalid_input} naming the parameter at fault
     */
    public void check(int page, int size) {
        if (page < 0) {
            throw ApiException.invalidInput("page: expected 0 or more, found " + page);
        }
        if (size < 1 || size > this.maxPageSize) {
            throw ApiException.invalidInput("size: expected 1 to " + this.maxPageSize + ", found " + size);
        }
        int maxPage = Integer.MAX_VALUE / size;
        if (page > maxPage) {
            throw ApiException
                .invalidInput("page: expected at most " + maxPage + " for size " + size + ", found " + page);
        }
    }

}
