package io.followup.enrollment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * WhatsApp's rules as this service applies them to follow-ups.
 *
 * @param windowMargin how long before the 24-hour window closes a free-form (AI) step is no longer sent, so the
 *        assistant's time to write and send the message cannot take it past the close
 * @param stopKeywords per language (en, pt_BR, es, ...), inbound messages that opt the lead out when they are the
 *        whole message (case, accents and trailing punctuation aside); a language given here replaces that
 *        language's defaults, the other defaults stay
 */
@Validated
@ConfigurationProperties("followup.whatsapp")
record WhatsAppRules(
        @DefaultValue("10m") @NotNull
        @DurationMin(nanos = 0, message = "must be at least 0 and less than 24h")
        @DurationMax(hours = 24, inclusive = false, message = "must be at least 0 and less than 24h") Duration windowMargin,
        Map<String, List<String>> stopKeywords) {

    /**
     * Opt-out words that SMS and WhatsApp platforms process by default: en from Braze's and AWS End User
     * Messaging's required keywords (braze.com/docs/user_guide/message_building_by_channel/sms/keywords/optin_optout,
     * docs.aws.amazon.com/sms-voice/latest/userguide/keywords-required.html) and Gupshup's default STOP/UNSUBSCRIBE
     * (docs.gupshup.io/docs/user-replies-and-callbacks); pt_BR and es from Sinch's WhatsApp opt-out words
     * (docs-pt.sinch.com/documentacao-tecnica-whatsapp/documentacao-tecnica-whatsapp/desativacao-do-whatsapp) and
     * Aivo's (helpaivopt.aivohelp.com/article/gestao-de-opt-out-para-sms-e-whatsapp-no-engage/806214).
     */
    static final Map<String, List<String>> DEFAULT_STOP_KEYWORDS = Map.of(
            "en", List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT-OUT"),
            "pt_BR", List.of("PARAR", "SAIR", "CANCELAR", "REMOVER", "DESCADASTRAR"),
            "es", List.of("BAJA", "PARAR", "DETENER", "SALIR", "CANCELAR", "DESUSCRIBIR"));

    /**
     * Languages compare without case and separators: a property key loses them on the way in (pt_BR binds as
     * ptbr unless written [pt_BR]), and either spelling must replace the same defaults.
     */
    WhatsAppRules {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        DEFAULT_STOP_KEYWORDS.forEach((language, words) -> merged.put(language(language), words));
        if (stopKeywords != null) {
            stopKeywords.forEach((language, words) -> merged.put(language(language), words == null ? List.of() : List.copyOf(words)));
        }
        stopKeywords = Map.copyOf(merged);
    }

    private static String language(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
