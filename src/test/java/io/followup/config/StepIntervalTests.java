package io.followup.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepIntervalTests {

    @ParameterizedTest
    @CsvSource({
            "PT30M, 30",
            "PT2H, 120",
            "P1D, 1440",
            "P1W, 10080",
            "P2W, 20160",
            "P1DT12H, 2160",
            "P1W2D, 12960",
            "P1WT1H, 10140",
            "PT1H30M, 90",
            "PT1800S, 30",
            "pt45m, 45"})
    void readsWeeksDaysAndTimeParts(String text, long minutes) {
        assertThat(StepInterval.parse(text)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "P1Y2D", "P2MT1H"})
    void refusesYearsAndMonths(String text) {
        assertThatThrownBy(() -> StepInterval.parse(text))
                .isInstanceOf(StepInterval.InvalidInterval.class)
                .hasMessageContaining("Years and months are not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "P", "PT", "P1DT", "30M", "30 minutes", "PT30", "1h", "P1.5D", "-PT30M", "PTXM",
            "PT99999999999999999999H"})
    void refusesWhatIsNotAnIsoDuration(String text) {
        assertThatThrownBy(() -> StepInterval.parse(text))
                .isInstanceOf(StepInterval.InvalidInterval.class)
                .hasMessageContaining("ISO 8601 duration");
    }

    @Test
    void readsNegativePartsSoTheValidatorCanNameThem() {
        assertThat(StepInterval.parse("PT-30M")).isNegative();
        assertThat(StepInterval.parse("P-1D")).isNegative();
    }
}
