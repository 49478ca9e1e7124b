package io.followup.apiclients;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface StoredClientRepository extends JpaRepository<StoredClient, Long> {

    Optional<StoredClient> findByClientId(String clientId);

    Optional<StoredClient> findByClientIdAndCompanyId(String clientId, String companyId);

    Page<StoredClient> findByCompanyId(String companyId, Pageable page);

    /** One statement in its own transaction, without the version: a token request never conflicts with an admin's change. */
    @Transactional
    @Modifying
    @Query(value = "UPDATE api_client SET last_used_at = :now WHERE client_id = :clientId", nativeQuery = true)
    int markUsed(String clientId, Instant now);
}
