package io.followup.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills template parameters from the lead data of the trigger event. A placeholder such as
 * {@code {{LEAD_FIRSTNAME}}} with no value fails the send for good: a template with a hole in it is
 * worse than no template.
 */
final class TemplateParams {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

    /** Placeholders whose lead key is not simply their lower-cased name. */
    private static final Map<String, String> ALIASES = Map.of(
            "FIRSTNAME", "first_name",
            "LASTNAME", "last_name");

    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;

    private TemplateParams() {
    }

    /** A template step's parameters and number, both resolved from the lead data. */
    record Filled(List<String> params, String destination) {
    }

    /**
     * Resolves the step's parameters and the lead's number before any call, so a hole in the data never
     * reaches a provider.
     *
     * @throws DeliveryException (permanent) as {@link #resolve} and {@link #destination} do
     */
    static Filled fill(StepDelivery delivery) {
        return new Filled(resolve(delivery.content().templateParams(), delivery.to().lead()), destination(delivery.to().lead()));
    }

    /**
     * Resolves every {@code {{NAME}}} in each parameter, keeping the literal text around it.
     * {@code {{LEAD_X}}} (and plain {@code {{X}}}) reads lead key {@code x} lower-cased;
     * {@code LEAD_FIRSTNAME} and {@code LEAD_LASTNAME} read {@code first_name} and {@code last_name}.
     *
     * @throws DeliveryException (permanent) when a placeholder has no value, or only blanks
     */
    public static List<String> resolve(List<String> params, Map<String, String> lead) {
        if (params == null || params.isEmpty()) {
            return List.of();
        }
        Map<String, String> values = lead == null ? Map.of() : lead;
        List<String> resolved = new ArrayList<>(params.size());
        for (String param : params) {
            resolved.add(resolveOne(param == null ? "" : param, values));
        }
        return List.copyOf(resolved);
    }

    /**
     * The lead's WhatsApp number as providers want it: digits only, country code first, no {@code +}.
     *
     * @throws DeliveryException (permanent) when the lead has no usable phone number
     */
    public static String destination(Map<String, String> lead) {
        String phone = lead == null ? null : lead.get("phone");
        if (phone == null || phone.isBlank()) {
            throw DeliveryException.permanent("The lead data has no phone number to send the template to");
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < MIN_PHONE_DIGITS || digits.length() > MAX_PHONE_DIGITS) {
            throw DeliveryException.permanent("The lead's phone number is not an international number (%d to %d digits with country code)"
                    .formatted(MIN_PHONE_DIGITS, MAX_PHONE_DIGITS));
        }
        return digits;
    }

    private static String resolveOne(String param, Map<String, String> lead) {
        Matcher matcher = PLACEHOLDER.matcher(param);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = valueOf(matcher.group(1), lead);
            if (value == null || value.isBlank()) {
                throw DeliveryException.permanent("Template parameter %s has no value in the lead data".formatted(matcher.group()));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String valueOf(String placeholder, Map<String, String> lead) {
        String name = placeholder.toUpperCase(Locale.ROOT);
        if (name.startsWith("LEAD_") && name.length() > "LEAD_".length()) {
            name = name.substring("LEAD_".length());
        }
        String key = ALIASES.getOrDefault(name, name.toLowerCase(Locale.ROOT));
        String value = lead.get(key);
        return value != null ? value : valueIgnoringCaseAndUnderscores(key, lead);
    }

    /** Lets {@code {{LEAD_FIRSTNAME}}} also find {@code firstName} or {@code FIRST_NAME}, which callers do send. */
    private static String valueIgnoringCaseAndUnderscores(String key, Map<String, String> lead) {
        String wanted = normalize(key);
        for (Map.Entry<String, String> entry : lead.entrySet()) {
            if (entry.getKey() != null && normalize(entry.getKey()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String normalize(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
