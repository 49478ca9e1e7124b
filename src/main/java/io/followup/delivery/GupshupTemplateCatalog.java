package io.followup.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.followup.text.ColumnText;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Finds a Gupshup template's ID by name and language. Gupshup sends by ID while configurations name
 * templates as WhatsApp does, so each app's template list is fetched and kept for a while.
 */
final class GupshupTemplateCatalog {

    private static final String TARGET = "Gupshup template list";
    /** The type is quoted in a step's error: a provider's text, so bounded (the longest Gupshup type is a dozen letters). */
    private static final int TYPE_CHARS = 40;

    /**
     * One entry of the list.
     *
     * @param type Gupshup's {@code templateType}: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, ...; null when the list
     *        leaves it out, which only text templates predating the field do
     */
    record Template(String id, String name, String language, String status, String type) {

        boolean approved() {
            return "APPROVED".equalsIgnoreCase(status);
        }

        /**
         * Why the template does not fit a step with this header, or null when it does. A template with a media
         * header needs Gupshup's {@code message} object, "required only if the template is of type Media - Image,
         * Video, Document (.pdf) or location" (https://docs.gupshup.io/docs/template-messages): sent without it, the
         * request would be refused or the lead get a broken message. A list without the type (older entries) is
         * taken at the step's word.
         */
        String misfit(String headerType) {
            if (type == null || type.isBlank()) {
                return null;
            }
            if ("TEXT".equalsIgnoreCase(type)) {
                return headerType == null ? null
                        : "the step's " + headerType + " template_header does not fit it (a text template has no media header)";
            }
            if (headerType == null) {
                return MEDIA_HEADERS.contains(type.toUpperCase(Locale.ROOT))
                        ? "the step needs a template_header with its " + type.toLowerCase(Locale.ROOT)
                        : "media headers of that type are not supported";
            }
            return headerType.equalsIgnoreCase(type) ? null
                    : "the step's template_header is of type " + headerType + ", not " + type.toLowerCase(Locale.ROOT);
        }
    }

    /** The header types a step can carry (config's TemplateHeader), in Gupshup's spelling. */
    private static final java.util.Set<String> MEDIA_HEADERS = java.util.Set.of("IMAGE", "DOCUMENT", "VIDEO");

    private record Entry(List<Template> templates, Instant fetchedAt) {
    }

    private final DeliveryHttp http;
    private final URI baseUrl;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> byApp = new ConcurrentHashMap<>();

    GupshupTemplateCatalog(DeliveryHttp http, URI baseUrl, Duration ttl, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The ID of the app's approved template with this name and language, when it fits the step's media header. A
     * template missing from a cached list is looked up once more in a fresh one, so a template approved a minute ago
     * is found.
     *
     * @param headerType the step's media header ({@code image}, {@code document}, {@code video}), or null for none
     * @throws DeliveryException permanent when there is no such approved template or its header and the step's differ;
     *         as the list call failed otherwise
     */
    String approvedTemplateId(String appId, String apiKey, String name, String language, String headerType) {
        Entry entry = byApp.get(appId);
        boolean fresh = false;
        if (entry == null || expired(entry)) {
            entry = refresh(appId, apiKey);
            fresh = true;
        }
        Optional<Template> found = find(entry, name, language);
        if (found.filter(Template::approved).isEmpty() && !fresh) {
            found = find(refresh(appId, apiKey), name, language);
        }
        Template template = found.orElseThrow(() -> DeliveryException.permanent(
                "Gupshup app %s has no template named %s in language %s".formatted(appId, name, language)));
        if (!template.approved()) {
            throw DeliveryException.permanent("Gupshup template %s (%s) of app %s is %s, not APPROVED"
                    .formatted(name, language, appId, template.status()));
        }
        String misfit = template.misfit(headerType);
        if (misfit != null) {
            throw DeliveryException.permanent("Gupshup template %s (%s) of app %s is %s template; %s"
                    .formatted(name, language, appId, article(template.type()), misfit));
        }
        return template.id();
    }

    /** "an IMAGE", "a VIDEO". */
    private static String article(String type) {
        boolean vowel = !type.isEmpty() && "AEIOU".indexOf(Character.toUpperCase(type.charAt(0))) >= 0;
        return (vowel ? "an " : "a ") + type;
    }

    private boolean expired(Entry entry) {
        return !clock.instant().isBefore(entry.fetchedAt().plus(ttl));
    }

    private Entry refresh(String appId, String apiKey) {
        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().get()
                .uri(DeliveryHttp.url(baseUrl, "/wa/app/{appId}/template"), appId)
                .accept(MediaType.APPLICATION_JSON)
                .header("apikey", apiKey));
        JsonNode root = reply.json(http.json());
        JsonNode templates = root.path("templates");
        if (!"success".equalsIgnoreCase(DeliveryHttp.text(root, "status")) || !templates.isArray()) {
            throw DeliveryException.permanent("Gupshup template list of app " + appId + " was not a success"
                    + DeliveryHttp.excerpt(reply.body()));
        }
        List<Template> list = new ArrayList<>();
        for (JsonNode node : templates) {
            list.add(new Template(DeliveryHttp.text(node, "id"), DeliveryHttp.text(node, "elementName"),
                    DeliveryHttp.text(node, "languageCode"), DeliveryHttp.text(node, "status"),
                    ColumnText.fit(DeliveryHttp.text(node, "templateType"), TYPE_CHARS)));
        }
        Entry entry = new Entry(List.copyOf(list), clock.instant());
        byApp.put(appId, entry);
        return entry;
    }

    private static Optional<Template> find(Entry entry, String name, String language) {
        String wantedLanguage = normalizeLanguage(language);
        return entry.templates().stream()
                .filter(t -> name.equals(t.name()) && t.id() != null)
                .filter(t -> wantedLanguage.equals(normalizeLanguage(t.language())))
                .min((a, b) -> Boolean.compare(b.approved(), a.approved()));
    }

    /** pt_BR, pt-BR and PT_br name the same language. */
    private static String normalizeLanguage(String language) {
        return language == null ? "" : language.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
