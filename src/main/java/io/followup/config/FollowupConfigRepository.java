package io.followup.config;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowupConfigRepository extends JpaRepository<FollowupConfig, UUID> {

    Optional<FollowupConfig> findByIdAndTenantId(UUID id, UUID tenantId);

    Optional<FollowupConfig> findByTenantIdAndAssistantId(UUID tenantId, UUID assistantId);

    boolean existsByTenantIdAndAssistantId(UUID tenantId, UUID assistantId);

    Page<FollowupConfig> findByTenantId(UUID tenantId, Pageable pageable);
}
