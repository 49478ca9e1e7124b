package io.followup.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider failure codes as ProviderFailures reads them; see its Javadoc for the pages each comes from. */
class ProviderFailuresTests {

    @ParameterizedTest
    @CsvSource({
            "130429, THROTTLED", "131056, THROTTLED", "131000, THROTTLED", "131016, THROTTLED", "133004, THROTTLED",
            "4, THROTTLED", "80007, THROTTLED",
            "190, CHANNEL_FAULT", "0, CHANNEL_FAULT", "10, CHANNEL_FAULT", "131031, CHANNEL_FAULT", "368, CHANNEL_FAULT",
            "131049, RECIPIENT_LIMIT", "131050, OPTED_OUT",
            "131026, PERMANENT", "131047, PERMANENT", "131051, PERMANENT", "132000, PERMANENT", "132001, PERMANENT",
            "131008, PERMANENT", "131009, PERMANENT", "100, PERMANENT",
            "999999, UNKNOWN"})
    void metaCodes(String code, ProviderFailures.Kind kind) {
        assertThat(ProviderFailures.meta(Integer.parseInt(code))).isEqualTo(kind);
        assertThat(ProviderFailures.of(DeliveryChannel.WHATSAPP_META, code)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"1003, CHANNEL_FAULT", "4001, CHANNEL_FAULT", "1012, OPTED_OUT", "1002, PERMANENT", "1006, PERMANENT",
            "1008, PERMANENT", "4005, PERMANENT", "4002, UNKNOWN", "130429, UNKNOWN"})
    void gupshupCodes(String code, ProviderFailures.Kind kind) {
        assertThat(ProviderFailures.of(DeliveryChannel.WHATSAPP_GUPSHUP, code)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"WHATSAPP_META, ", "WHATSAPP_META, ' '", "WHATSAPP_META, wallet", "WHATSAPP_GUPSHUP, "})
    void noCodeOrNotANumberIsUnknown(DeliveryChannel channel, String code) {
        assertThat(ProviderFailures.of(channel, code)).isEqualTo(ProviderFailures.Kind.UNKNOWN);
    }
}
