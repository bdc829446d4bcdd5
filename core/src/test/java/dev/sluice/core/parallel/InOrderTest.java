package dev.sluice.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 1000).boxed().toList();

    @Test
    void resultsComeBackInItemOrderFromSeveralThreads() {
        List<Integer> doubled = new InOrder(4).map(ITEMS, i -> i * 2);
        assertThat(doubled).containsExactlyElementsOf(ITEMS.stream().map(i -> i * 2).toList());
    }

    @Test
    void theFirstFailureInItemOrderIsThrownWhateverFinishedFirst() {
        for (int round = 0; round < 20; round++) {
            assertThatThrownBy(() -> new InOrder(4).map(ITEMS, i -> {
                if (i == 990 || i == 17 || i == 500) {
                    throw new IllegalArgumentException("item " + i);
                }
                return i;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 17");
        }
    }

    @Test
    void oneThreadIsThePlainLoop() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> new InOrder(1).map(ITEMS, i -> {
            seen.add(i);
            if (i == 3) {
                throw new IllegalStateException("three");
            }
            return i;
        })).hasMessage("three");
        assertThat(seen).containsExactly(0, 1, 2, 3);
    }

    @Test
    void shortListsAndEmptyListsWork() {
        assertThat(new InOrder(4).map(List.of(1, 2, 3), i -> i + 1)).containsExactly(2, 3, 4);
        assertThat(new InOrder(4).map(List.<Integer>of(), i -> i)).isEmpty();
    }
}
