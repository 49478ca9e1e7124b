package io.followup.apiclients;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One API client: its identity, company, scopes and the hashes of its current and previous secret. */
@Entity
@Table(name = "api_client")
class StoredClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(name = "name", nullable = false)
    private String name;

    /** Sorted and space-separated, as the scope claim writes them. */
    @Column(name = "scopes", nullable = false)
    private String scopes;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "previous_secret_hash")
    private String previousSecretHash;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    /** Written by {@link StoredClientRepository#markUsed} only; read here for the answers. */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private Long version;

    protected StoredClient() {
    }

    StoredClient(String clientId, String companyId, String name, Set<String> scopes, String secretHash, Instant now) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.createdAt = now;
        define(companyId, name, scopes);
    }

    void define(String companyId, String name, Set<String> scopes) {
        this.companyId = companyId;
        this.name = name;
        this.scopes = String.join(" ", new TreeSet<>(scopes));
    }

    /**
     * A new current secret; the one it replaces stays valid for {@code grace} (none when zero). Only one previous
     * secret is kept: the one an earlier rotation left in grace stops now.
     */
    void rotate(String newHash, Duration grace, Instant now) {
        if (grace.isZero()) {
            previousSecretHash = null;
            previousSecretExpiresAt = null;
        }
        else {
            previousSecretHash = secretHash;
            previousSecretExpiresAt = now.plus(grace);
        }
        secretHash = newHash;
        secretRotatedAt = now;
    }

    /** Revoked at the first call; a later one keeps that time. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    void reinstate() {
        revokedAt = null;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    /** The previous secret's hash while its grace lasts at {@code now}, else null. */
    String previousSecretHashAt(Instant now) {
        return previousSecretHash != null && previousSecretExpiresAt.isAfter(now) ? previousSecretHash : null;
    }

    String getClientId() {
        return clientId;
    }

    String getCompanyId() {
        return companyId;
    }

    String getName() {
        return name;
    }

    SortedSet<String> getScopes() {
        return new TreeSet<>(Arrays.asList(scopes.split(" ")));
    }

    String getSecretHash() {
        return secretHash;
    }

    Instant getPreviousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSecretRotatedAt() {
        return secretRotatedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }
}
