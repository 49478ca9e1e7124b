package io.followup.enrollment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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
    void aLanguageSetInPropertiesReplacesItsDefaultsWhateverItsSpelling() {
        Map<String, String> properties = Map.of("followup.whatsapp.stop-keywords.pt_BR", "CHEGA,PARE",
                "followup.whatsapp.window-margin", "5m");
        WhatsAppRules rules = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("followup.whatsapp", WhatsAppRules.class);
        StopKeywords keywords = new StopKeywords(rules);

        assertThat(rules.windowMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(keywords.isStop("chega")).isTrue();
        assertThat(keywords.isStop("descadastrar")).as("pt_BR's defaults were replaced").isFalse();
        assertThat(keywords.isStop("baja")).as("es stays").isTrue();
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("followup.whatsapp", WhatsAppRules.class)
                .windowMargin()).as("the default").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theMarginMustLeaveSomeWindow() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(new WhatsAppRules(Duration.ZERO, null))).isEmpty();
        assertThat(validator.validate(new WhatsAppRules(Duration.ofHours(24).minusNanos(1), null))).isEmpty();
        // The violation names the setting itself, so a failed start says which property holds the bad value.
        assertThat(validator.validate(new WhatsAppRules(Duration.ofHours(24), null)))
                .extracting(violation -> violation.getPropertyPath().toString() + " " + violation.getMessage())
                .containsExactly("windowMargin must be at least 0 and less than 24h");
        assertThat(validator.validate(new WhatsAppRules(Duration.ofMinutes(-1), null)))
                .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("windowMargin");
    }
}
