package io.followup.apiclients;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracePeriodTests {

    @Test
    void readsDurationsUpToSevenDays() {
        assertThat(GracePeriod.parse(null)).isEqualTo(Duration.ofHours(24));
        assertThat(GracePeriod.parse("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(GracePeriod.parse("PT0S")).isZero();
        assertThat(GracePeriod.parse("P0D")).isZero();
        assertThat(GracePeriod.parse("P1DT12H")).isEqualTo(Duration.ofHours(36));
        assertThat(GracePeriod.parse("P1W")).isEqualTo(Duration.ofDays(7));
        assertThat(GracePeriod.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(GracePeriod.parse("pt30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "24h", "P", "PT", "P1DT", "-PT1H", "PT-1H", "P-1D", "P1Y", "P1M", "P7DT1S", "P8D", "P2W",
            "PT99999999999999999999H", "P1D1", "1", "PT1H PT1H"})
    void refusesTheRestNamingGracePeriod(String text) {
        assertThatThrownBy(() -> GracePeriod.parse(text))
                .isInstanceOfSatisfying(InvalidApiClientException.class, ex -> assertThat(ex.details()).containsOnlyKeys("grace_period"));
    }
}
