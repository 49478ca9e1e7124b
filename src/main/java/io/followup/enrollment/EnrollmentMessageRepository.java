package io.followup.enrollment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Enrollments found by the provider message ID one of their steps keeps (index ix_enrollment_steps, V9). */
interface EnrollmentMessageRepository extends Repository<Enrollment, UUID> {

    /** The enrollment that sent the message, locked like every other change of an enrollment. */
    @Query(value = "SELECT * FROM enrollment WHERE steps @> jsonb_build_array(jsonb_build_object('provider_message_id', CAST(?1 AS text)))"
            + " LIMIT 1 FOR UPDATE", nativeQuery = true)
    Optional<Enrollment> findBySentMessageForUpdate(String providerMessageId);
}
