package io.followup.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

import io.followup.apiclients.ApiClients;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The authorization server in the OpenAPI document. Its endpoints are Spring Authorization Server's filters, not
 * controllers, so springdoc cannot see them: this describes them, adds the {@code oauth2} client-credentials scheme
 * (Swagger UI's Authorize button then gets a token from {@code /token} itself), and lets every external operation be
 * called with that scheme's token, naming the scope it needs.
 */
final class TokenEndpointDocs implements OpenApiCustomizer {

    static final String TAG = "OAuth 2.0";
    static final String SCHEME = "oauth2";
    private static final String BASIC = "clientSecretBasic";
    private static final String EXTERNAL_PREFIX = "/external-api/v1/";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @Override
    public void customise(OpenAPI openApi) {
        Scopes scopes = new Scopes();
        new TreeSet<>(ApiClients.GRANTABLE_SCOPES).forEach(scope -> scopes.addString(scope, description(scope)));
        openApi.getComponents()
                .addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("This service's own authorization server: an API client's ID and secret (from "
                                + "/admin/v1/api-clients) exchanged at /token for a one-hour JWT with company_id, client_id and scope")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/token").scopes(scopes))))
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("client_id and client_secret as HTTP Basic credentials (client_secret_basic); or send "
                                + "them as form fields (client_secret_post), never both"))
                .addSchemas("TokenRequest", tokenRequest())
                .addSchemas("TokenResponse", tokenResponse())
                .addSchemas("OAuthError", oauthError())
                .addSchemas("JsonWebKeySet", new ObjectSchema().description("RFC 7517 JWK set: the public keys that sign this server's tokens")
                        .addRequiredItem("keys").addProperty("keys", new ArraySchema().items(new ObjectSchema()
                                .addProperty("kty", new StringSchema().example("RSA")).addProperty("kid", new StringSchema())
                                .addProperty("use", new StringSchema().example("sig")).addProperty("n", new StringSchema())
                                .addProperty("e", new StringSchema().example("AQAB")))))
                .addSchemas("AuthorizationServerMetadata", metadata());
        openApi.addTagsItem(new Tag().name(TAG).description("External API: access tokens for API clients (client-credentials grant, RFC 6749 section 4.4)"));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> allowOwnTokens(path, method, operation)));
        openApi.getPaths().addPathItem(TokenRequests.TOKEN_PATH, new PathItem().post(token("requestAccessToken",
                "Get an access token (client credentials)")));
        openApi.getPaths().addPathItem(TokenRequests.OAUTH_TOKEN_PATH, new PathItem().post(token("requestAccessTokenOAuthPath",
                "Get an access token at /oauth/token, the path of GetBill's best-practices guide (same as /token)")));
        openApi.getPaths().addPathItem(AuthorizationServerConfiguration.JWKS_PATH, new PathItem().get(publicGet("getJsonWebKeySet",
                "The public keys of this server's tokens (JWK set)", "JsonWebKeySet")));
        openApi.getPaths().addPathItem(AuthorizationServerConfiguration.METADATA_PATH, new PathItem().get(publicGet(
                "getAuthorizationServerMetadata", "Authorization server metadata (RFC 8414)", "AuthorizationServerMetadata")));
    }

    /** An external operation takes the outside issuer's bearer token or this server's, with the scope its rule names. */
    private static void allowOwnTokens(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith(EXTERNAL_PREFIX) || operation.getSecurity() == null) {
            return;
        }
        String resource = path.substring(EXTERNAL_PREFIX.length()).split("/")[0];
        boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        String scope = resource + (read ? ":read" : ":write");
        if (ApiClients.GRANTABLE_SCOPES.contains(scope)) {
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, scope));
        }
    }

    private static Operation token(String operationId, String summary) {
        Schema<?> error = ref("OAuthError");
        return new Operation().operationId(operationId).summary(summary).addTagsItem(TAG)
                .description("GetBill's token request (https://docs.getbill.io/authentication): grant_type=client_credentials, "
                        + "the client's ID and secret (HTTP Basic or form fields, one way only) and, optionally, scope (space-separated; "
                        + "absent: every scope of the client). Only application/x-www-form-urlencoded. Tokens last one hour and cannot "
                        + "be refreshed: ask again. Limited per client ID and per address (429 with Retry-After).")
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement()))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(FORM, new MediaType().schema(ref("TokenRequest")))))
                .responses(new ApiResponses()
                        .addApiResponse("200", json("The access token", ref("TokenResponse")))
                        .addApiResponse("400", json("invalid_request (not a form, credentials sent twice, a parameter repeated), "
                                + "unsupported_grant_type (anything but client_credentials) or invalid_scope (a scope the client does not have)", error))
                        .addApiResponse("401", json("invalid_client: unknown or revoked client, wrong or expired secret, no credentials; "
                                + "with WWW-Authenticate: Basic", error).addHeaderObject("WWW-Authenticate", header("Basic realm=\"followup-service\"")))
                        .addApiResponse("429", json("too_many_requests: the client ID's or the address's budget of token requests is spent", error)
                                .addHeaderObject("Retry-After", header("Seconds to wait"))
                        ).addApiResponse("503", json("temporarily_unavailable: the database did not answer", error)
                                .addHeaderObject("Retry-After", header("Seconds to wait"))));
    }

    private static Operation publicGet(String operationId, String summary, String schema) {
        return new Operation().operationId(operationId).summary(summary).addTagsItem(TAG)
                .description(summary + ". Public, no credentials; what a resource server or a client library needs to use this "
                        + "authorization server's tokens.")
                .security(List.of(new SecurityRequirement()))
                .responses(new ApiResponses().addApiResponse("200", json(summary, ref(schema))));
    }

    private static Schema<?> tokenRequest() {
        return new ObjectSchema().description("The token request's form fields").addRequiredItem("grant_type")
                .addProperty("grant_type", new StringSchema()._enum(List.of("client_credentials")))
                .addProperty("client_id", new StringSchema().maxLength(64).description("The API client's ID (or send it with HTTP Basic)"))
                .addProperty("client_secret", new StringSchema().maxLength(200).description("The API client's secret (or send it with HTTP Basic)"))
                .addProperty("scope", new StringSchema().example("debts:read debts:write followups:read")
                        .description("Space-separated scopes, each one the client has; absent: all of the client's"));
    }

    private static Schema<?> tokenResponse() {
        // A plain schema of type object: ObjectSchema turns an example object into its toString().
        return new Schema<>().type("object").description("RFC 6749 section 5.1").addRequiredItem("access_token").addRequiredItem("token_type")
                .addRequiredItem("expires_in").addRequiredItem("scope")
                .addProperty("access_token", new StringSchema().description("A JWT (RS256, typ at+jwt): iss, sub, aud, client_id, company_id, scope, iat, nbf, exp, jti"))
                .addProperty("token_type", new StringSchema()._enum(List.of("Bearer")))
                .addProperty("expires_in", new IntegerSchema().format("int64").example(3599).description("Seconds until it expires"))
                .addProperty("scope", new StringSchema().example("debts:read debts:write followups:read"))
                .example(example().with("access_token", "eyJraWQiOi...").with("scope", "debts:read debts:write followups:read")
                        .with("token_type", "Bearer").with("expires_in", 3599));
    }

    private static Schema<?> oauthError() {
        return new Schema<>().type("object").description("RFC 6749 section 5.2").addRequiredItem("error")
                .addProperty("error", new StringSchema()._enum(List.of("invalid_request", "invalid_client", "invalid_grant",
                        "unauthorized_client", "unsupported_grant_type", "invalid_scope", "too_many_requests", "temporarily_unavailable")))
                .addProperty("error_description", new StringSchema())
                .example(example().with("error", "invalid_client")
                        .with("error_description", "Client authentication failed: unknown or revoked client, or wrong secret"));
    }

    private static Schema<?> metadata() {
        ArraySchema strings = new ArraySchema().items(new StringSchema());
        return new ObjectSchema().description("RFC 8414 metadata; only the token endpoint and the JWK set are served")
                .addRequiredItem("issuer").addRequiredItem("token_endpoint").addRequiredItem("jwks_uri")
                .addProperty("issuer", new StringSchema()).addProperty("token_endpoint", new StringSchema())
                .addProperty("jwks_uri", new StringSchema()).addProperty("grant_types_supported", strings)
                .addProperty("token_endpoint_auth_methods_supported", strings).addProperty("scopes_supported", strings);
    }

    /** An example object in a fixed key order, so the document is the same at every start. */
    private static Example example() {
        return new Example();
    }

    private static final class Example extends LinkedHashMap<String, Object> {

        Example with(String key, Object value) {
            put(key, value);
            return this;
        }
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static String description(String scope) {
        String[] parts = scope.split(":");
        return (parts[1].equals("read") ? "Read " : "Create, update and delete ") + parts[0];
    }
}
