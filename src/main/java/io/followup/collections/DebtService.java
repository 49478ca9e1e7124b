package io.followup.collections;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.Constraints;
import io.followup.web.FieldErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company's debts: the things follow-up activities belong to. */
@Service
@Transactional
class DebtService {

    private static final String REFERENCE_CONSTRAINT = "uq_debt_company_reference";

    private final DebtRepository debts;
    private final PublicIds ids;
    private final Clock clock;

    DebtService(DebtRepository debts, PublicIds ids, Clock clock) {
        this.debts = debts;
        this.ids = ids;
        this.clock = clock;
    }

    public Debt create(String companyId, CreateDebtRequest request) {
        FieldErrors errors = new FieldErrors();
        CreateDebtRequestValidator.Checked values = CreateDebtRequestValidator.check(request, errors);
        if (errors.isEmpty() && debts.existsByCompanyIdAndExternalReference(companyId, request.externalReference())) {
            throw new DebtConflictException(request.externalReference());
        }
        errors.throwIfAny();
        Debt debt = new Debt(companyId, request.externalReference(), request.debtorName(), request.debtorPhone(),
                request.debtorEmail(), request.amount(), values.currency(), values.dueDate(), now());
        try {
            return debts.saveAndFlush(debt);
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, REFERENCE_CONSTRAINT)) {
                throw new DebtConflictException(request.externalReference());
            }
            throw ex;
        }
    }

    @Transactional(readOnly = true)
    public Debt get(String companyId, String publicId) {
        return ids.decode(IdType.DEBT, publicId)
                .flatMap(id -> debts.findByIdAndCompanyId(id, companyId))
                .orElseThrow(CollectionsNotFoundException::debt);
    }

    @Transactional(readOnly = true)
    public Page<Debt> list(String companyId, String externalReference, Pageable page) {
        return externalReference == null
                ? debts.findByCompanyId(companyId, page)
                : debts.findByCompanyIdAndExternalReference(companyId, externalReference, page);
    }

    /** The internal key of one of the company's debts, if {@code publicId} names one. */
    @Transactional(readOnly = true)
    public Optional<Long> ownedDebtId(String companyId, String publicId) {
        return ids.decode(IdType.DEBT, publicId).filter(id -> owns(companyId, id));
    }

    /** Whether the debt with this internal key is the company's. */
    @Transactional(readOnly = true)
    public boolean owns(String companyId, long debtId) {
        return debts.existsByIdAndCompanyId(debtId, companyId);
    }

    private Instant now() {
        return clock.instant();
    }
}
