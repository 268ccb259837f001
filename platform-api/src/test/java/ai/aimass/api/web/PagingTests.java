package ai.aimass.api.web;

import ai.aimass.api.ApiProperties;
import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PagingTests {

    private final Paging paging = new Paging(new ApiProperties(null, null, null, null));

    @Test
    void acceptsTheLastPageWhoseOffsetFitsAnInteger() {
        Pageable last = this.paging.request(21474836, 100, Sort.unsorted());
        assertThat(last.getOffset()).isEqualTo(2147483600L);
        this.paging.check(Integer.MAX_VALUE, 1);
    }

    @Test
    void refusesAPageWhoseOffsetExceedsAnInteger() {
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> this.paging.request(Integer.MAX_VALUE, 100, Sort.unsorted()))
            .withMessage("page: expected at most 21474836 for size 100, found 2147483647")
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.paging.check(1073741824, 2))
            .withMessage("page: expected at most 1073741823 for size 2, found 1073741824");
    }

    @Test
    void namesTheSizeBeforeThePageWhenBothAreWrong() {
        assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.paging.check(Integer.MAX_VALUE, 101))
            .withMessage("size: expected 1 to 100, found 101");
    }

}
