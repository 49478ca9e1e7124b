package io.followup.collections;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DebtRepository extends JpaRepository<Debt, Long>, JpaSpecificationExecutor<Debt> {

    Optional<Debt> findByIdAndCompanyId(Long id, String companyId);

    boolean existsByIdAndCompanyId(Long id, String companyId);

    boolean existsByCompanyIdAndFieldsInternalId(String companyId, String internalId);

    Page<Debt> findByCompanyId(String companyId, Pageable pageable);

    Page<Debt> findByCompanyIdAndFieldsInternalId(String companyId, String internalId, Pageable pageable);
}
