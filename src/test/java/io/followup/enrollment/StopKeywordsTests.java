package io.followup.enrollment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopKeywordsTests {

    private final StopKeywords defaults = new StopKeywords(new WhatsAppRules(Duration.ofMinutes(10), null));

    @Test
    void aWholeMessageThatIsAKeywordOfAnyLanguageStops() {
        assertThat(defaults.isStop("STOP")).isTrue();
        assertThat(defaults.isStop("  unsubscribe ")).isTrue();
        assertThat(defaults.isStop("Párar!")).as("accents, case and trailing punctuation aside").isTrue();
        assertThat(defaults.isStop("sair.")).isTrue();
        assertThat(defaults.isStop("Baja")).isTrue();
        assertThat(defaults.isStop("opt-out")).isTrue();
    }

    @Test
    void aMessageThatOnlyContainsAKeywordDoesNot() {
        assertThat(defaults.isStop("please stop")).isFalse();
        assertThat(defaults.isStop("stop?? why")).isFalse();
        assertThat(defaults.isStop("")).isFalse();
        assertThat(defaults.isStop("!!!")).isFalse();
        assertThat(defaults.isStop(null)).isFalse();
    }

    @Test
    void aConfiguredLanguageReplacesItsDefaultsAndKeepsTheOthers() {
        WhatsAppRules rules = new WhatsAppRules(Duration.ofMinutes(10), Map.of("en", List.of("halt"), "fr", List.of("ARRÊT")));
        StopKeywords keywords = new StopKeywords(rules);

        assertThat(keywords.isStop("HALT")).isTrue();
        assertThat(keywords.isStop("arret")).isTrue();
        assertThat(keywords.isStop("stop")).as("en's defaults were replaced").isFalse();
        assertThat(keywords.isStop("parar")).as("pt_BR's defaults stay").isTrue();
    }

    @Test
    void theMarginMustLeaveSomeWindow() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(new WhatsAppRules(Duration.ZERO, null))).isEmpty();
        assertThat(validator.validate(new WhatsAppRules(Duration.ofHours(24), null))).hasSize(1);
        assertThat(validator.validate(new WhatsAppRules(Duration.ofMinutes(-1), null))).hasSize(1);
    }
}
