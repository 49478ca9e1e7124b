package io.followup.collections;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DebtRepository extends JpaRepository<Debt, Long> {

    Optional<Debt> findByIdAndCompanyId(Long id, String companyId);

    boolean existsByIdAndCompanyId(Long id, String companyId);

    boolean existsByCompanyIdAndExternalReference(String companyId, String externalReference);

    Page<Debt> findByCompanyId(String companyId, Pageable pageable);

    Page<Debt> findByCompanyIdAndExternalReference(String companyId, String externalReference, Pageable pageable);
}
