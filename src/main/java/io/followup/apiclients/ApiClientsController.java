package io.followup.apiclients;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;

import io.followup.web.PageBody;
import io.followup.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/admin/v1/api-clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API clients", description = "Admin: OAuth 2.0 clients of the external API (client credentials)")
@SecurityRequirement(name = "admin")
class ApiClientsController {

    private static final String WHO = "Scope api-clients:admin. A token with a company_id claim is a company admin and "
            + "manages that company's clients only; a token without it is ops and manages any company's. ";
    private static final String NOT_FOUND = "No such client (or, for a company admin, not one of its company)";

    private final ApiClients apiClients;
    private final ApiClientAdmin admin;

    ApiClientsController(ApiClients apiClients, ApiClientAdmin admin) {
        this.apiClients = apiClients;
        this.admin = admin;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createApiClient", summary = "Create an API client; its secret is shown in this answer only",
            description = WHO + "company_id is required for ops; a company admin may leave it out, and naming another "
                    + "company is 403.")
    @ApiResponse(responseCode = "201", description = "Created, with its client_secret", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "Path of the new client", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "A field is missing or not acceptable (named in errors)")
    @ApiResponse(responseCode = "403", description = "Without the scope, or a company_id other than the token's")
    ResponseEntity<ClientSecretResponse> create(@Valid @RequestBody CreateApiClientRequest body) {
        AdminCaller caller = AdminCaller.current();
        String company = caller.companyNamed(body.companyId());
        if (company == null) {
            throw new InvalidApiClientException(Map.of("company_id",
                    "company_id is required with an ops token (one without a company_id claim)"));
        }
        IssuedClient issued = apiClients.create(company, body.name(), new LinkedHashSet<>(body.scopes()));
        return ResponseEntity.created(URI.create("/admin/v1/api-clients/" + issued.clientId()))
                .body(ClientSecretResponse.from(issued));
    }

    @GetMapping
    @Operation(operationId = "listApiClients", summary = "List API clients, newest first, without secrets",
            description = WHO + "Ops see every company's clients unless company_id filters them; a company admin's list "
                    + "is its company's (another company_id is 403). Revoked clients are listed with their revoked_at.")
    @ApiResponse(responseCode = "200", description = "One page of clients", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "page or size out of range")
    @ApiResponse(responseCode = "403", description = "Without the scope, or a company_id other than the token's")
    PageBody<ApiClientResponse> list(
            @Parameter(description = "Only this company's clients") @RequestParam(name = "company_id", required = false) String companyId,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        String company = AdminCaller.current().companyNamed(companyId == null || companyId.isEmpty() ? null : companyId);
        return PageBody.of(admin.list(company, PageParams.of(page, size, Sort.by(Sort.Direction.DESC, "id"))), client -> client);
    }

    @GetMapping("/{client_id}")
    @Operation(operationId = "getApiClient", summary = "Get an API client, without its secret", description = WHO)
    @ApiResponse(responseCode = "200", description = "The client", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ApiClientResponse get(@PathVariable("client_id") String clientId) {
        return admin.get(AdminCaller.current().company(), clientId);
    }

    @DeleteMapping("/{client_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeApiClient", summary = "Revoke an API client: it gets no more tokens",
            description = WHO + "Idempotent: revoking it again is 204 too and keeps the first revoked_at. Tokens already "
                    + "issued stay valid until they expire.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    void revoke(@PathVariable("client_id") String clientId) {
        admin.revoke(AdminCaller.current().company(), clientId);
    }

    @PostMapping(path = "/{client_id}/secret", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rotateApiClientSecret", summary = "Give an API client a new secret; the old one works for a grace period",
            description = WHO + "The body is optional (grace_period defaults to PT24H; PT0S stops the old secret at once, "
                    + "at most P7D). Only one previous secret is kept: rotating again ends the grace of the one before.")
    @ApiResponse(responseCode = "200", description = "The new client_secret, shown in this answer only", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "grace_period is not an ISO 8601 duration from PT0S to P7D")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The client is revoked")
    ClientSecretResponse rotate(@PathVariable("client_id") String clientId, @Valid @RequestBody(required = false) RotateSecretRequest body) {
        AdminCaller caller = AdminCaller.current();
        IssuedClient issued = admin.rotate(caller.company(), clientId, GracePeriod.parse(body == null ? null : body.gracePeriod()));
        return ClientSecretResponse.from(issued);
    }
}
