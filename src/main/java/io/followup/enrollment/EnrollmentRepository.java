package io.followup.enrollment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository extends JpaRepository<Enrollment, UUID>, JpaSpecificationExecutor<Enrollment> {

    /** The lead's running enrollment, locked so that concurrent events for one lead take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrollment e where e.tenantId = ?1 and e.assistantId = ?2 and e.leadId = ?3 and e.status = io.followup.enrollment.Enrollment.Status.ACTIVE")
    Optional<Enrollment> findActiveForUpdate(UUID tenantId, UUID assistantId, String leadId);

    /** The lead's running enrollments on one channel, of any assistant, locked in a fixed order (no deadlocks). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrollment e where e.tenantId = ?1 and e.channelId = ?2 and e.leadId = ?3 and e.status = io.followup.enrollment.Enrollment.Status.ACTIVE order by e.id")
    List<Enrollment> findActiveOnChannelForUpdate(UUID tenantId, String channelId, String leadId);

    /** The lead's latest enrollment with the assistant, whatever its state. */
    Optional<Enrollment> findFirstByTenantIdAndAssistantIdAndLeadIdOrderByCreatedAtDesc(UUID tenantId, UUID assistantId, String leadId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrollment e where e.id = ?1")
    Optional<Enrollment> findByIdForUpdate(UUID id);

    Optional<Enrollment> findByIdAndTenantId(UUID id, UUID tenantId);
}
