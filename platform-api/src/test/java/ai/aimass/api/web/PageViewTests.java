package ai.aimass.api.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageViewTests {

    private static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5);

    @Test
    void sliceCutsTheAskedPage() {
        PageView<Integer> page = PageView.slice(ITEMS, 1, 2);
        assertThat(page.items()).containsExactly(3, 4);
        assertThat(page.totalItems()).isEqualTo(5);
        assertThat(page.totalPages()).isEqualTo(3);
    }

    @Test
    void sliceOfTheLastPageHoldsTheRest() {
        assertThat(PageView.slice(ITEMS, 2, 2).items()).containsExactly(5);
    }

    @Test
    void sliceBeyondTheEndIsEmptyButCountsEverything() {
        PageView<Integer> page = PageView.slice(ITEMS, 7, 2);
        assertThat(page.items()).isEmpty();
        assertThat(page.page()).isEqualTo(7);
        assertThat(page.totalItems()).isEqualTo(5);
    }

    @Test
    void sliceOfAnEmptyListHasNoPages() {
        PageView<Integer> page = PageView.slice(List.of(), 0, 20);
        assertThat(page.items()).isEmpty();
        assertThat(page.totalPages()).isZero();
    }

}
