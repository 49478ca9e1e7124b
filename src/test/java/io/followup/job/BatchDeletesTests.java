package io.followup.job;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchDeletesTests {

    @Test
    void deletesFullBatchesUntilOneComesBackShortAndAddsThemUp() {
        List<Integer> asked = new ArrayList<>();
        int[] left = {25};
        int total = BatchDeletes.untilShort(10, batch -> {
            asked.add(batch);
            int deleted = Math.min(batch, left[0]);
            left[0] -= deleted;
            return deleted;
        });
        assertThat(total).isEqualTo(25);
        assertThat(asked).containsExactly(10, 10, 10);
    }

    @Test
    void anExactMultipleTakesOneMoreEmptyBatch() {
        int[] calls = {0};
        int[] left = {20};
        int total = BatchDeletes.untilShort(10, batch -> {
            calls[0]++;
            int deleted = Math.min(batch, left[0]);
            left[0] -= deleted;
            return deleted;
        });
        assertThat(total).isEqualTo(20);
        assertThat(calls[0]).isEqualTo(3);
    }
}
