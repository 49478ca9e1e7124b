package io.followup.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts example bodies on the operations, so Swagger UI's "Try it out" sends a body the service accepts.
 * The examples are the seed documents' own bodies (IDs made real), kept as JSON files under
 * {@code openapi/examples/} on the classpath: {@code <name>.request.json} and {@code <name>.response.json}.
 */
final class OpenApiExamples implements GlobalOperationCustomizer {

    private static final String FOLDER = "openapi/examples/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** operationId to the name of its request example and of its success response example (null: none). */
    private static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("createFollowupConfig", new String[] {"config-create", "config"}),
            Map.entry("getFollowupConfig", new String[] {null, "config"}),
            Map.entry("getFollowupConfigByAssistant", new String[] {null, "config"}),
            Map.entry("updateFollowupConfig", new String[] {"config-update", "config-updated"}),
            Map.entry("reportLeadEvents", new String[] {"lead-event", "event-result"}),
            Map.entry("getEnrollment", new String[] {null, "enrollment"}),
            Map.entry("listOptOuts", new String[] {null, "opt-outs"}),
            Map.entry("createDebt", new String[] {"debt-create", "debt-created"}),
            Map.entry("getDebt", new String[] {null, "debt"}),
            Map.entry("listDebtors", new String[] {null, "debtors"}),
            Map.entry("getDebtor", new String[] {null, "debtor"}),
            Map.entry("updateDebtor", new String[] {"debtor-update", "debtor-updated"}),
            Map.entry("patchDebtor", new String[] {"debtor-update", "debtor-updated"}),
            Map.entry("updateDebt", new String[] {"debt-update", "debt-updated"}),
            Map.entry("patchDebt", new String[] {"debt-update", "debt-updated"}),
            Map.entry("deleteDebt", new String[] {null, "debt-deleted"}),
            Map.entry("batchCreateDebts", new String[] {"debt-batch", "debt-batch"}),
            Map.entry("listDebts", new String[] {null, "debts"}),
            Map.entry("listDebtsByDebtor", new String[] {null, "debts"}),
            Map.entry("createFollowup", new String[] {"followup-create", "followup-created"}),
            Map.entry("getFollowup", new String[] {null, "followup"}),
            Map.entry("patchFollowup", new String[] {"followup-update", "followup-updated"}),
            Map.entry("updateFollowup", new String[] {"followup-update", "followup-updated"}));

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        String[] names = EXAMPLES.get(operation.getOperationId());
        if (names == null) {
            return operation;
        }
        if (names[0] != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Object example = read(names[0] + ".request.json");
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
        }
        if (names[1] != null) {
            Object example = read(names[1] + ".response.json");
            operation.getResponses().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("2"))
                    .map(Map.Entry::getValue)
                    .map(ApiResponse::getContent)
                    .filter(content -> content != null)
                    .forEach(content -> content.values().forEach(media -> media.setExample(example)));
        }
        return operation;
    }

    private static Object read(String file) {
        try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
            return JSON.readValue(in, Object.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("OpenAPI example " + FOLDER + file + " is missing or not JSON", ex);
        }
    }
}
