package io.followup.collections;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.followup.debtors.DebtorIdentity;
import io.followup.debtors.Debtors;
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

    private static final String INTERNAL_ID_CONSTRAINT = "uq_debt_company_internal_id";

    private final DebtRepository debts;
    private final Debtors debtors;
    private final PublicIds ids;
    private final Clock clock;

    DebtService(DebtRepository debts, Debtors debtors, PublicIds ids, Clock clock) {
        this.debts = debts;
        this.debtors = debtors;
        this.ids = ids;
        this.clock = clock;
    }

    public Debt create(String companyId, CreateDebtRequest request) {
        FieldErrors errors = new FieldErrors();
        DebtFields fields = DebtRequestValidator.create(request, errors);
        errors.throwIfAny();
        DebtRequestValidator.refuseExpensive(fields);
        if (fields.internalId() != null && debts.existsByCompanyIdAndFieldsInternalId(companyId, fields.internalId())) {
            throw new DebtConflictException(fields.internalId());
        }
        Instant now = now();
        long debtor = debtors.debtorFor(companyId, identity(fields), now);
        try {
            return debts.saveAndFlush(new Debt(companyId, debtor, fields, now));
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, INTERNAL_ID_CONSTRAINT)) {
                throw new DebtConflictException(fields.internalId());
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
    public Page<Debt> list(String companyId, String internalId, Pageable page) {
        return internalId == null
                ? debts.findByCompanyId(companyId, page)
                : debts.findByCompanyIdAndFieldsInternalId(companyId, internalId, page);
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

    /** Who the debt says its debtor is; the one-line address, or one made of its parts. */
    static DebtorIdentity identity(DebtFields f) {
        String address = f.address();
        if (address == null && (f.streetAddress() != null || f.city() != null)) {
            address = String.join(", ", java.util.stream.Stream.of(
                    join(f.streetNumber(), f.streetAddress()), join(f.postalCode(), f.city()), f.country())
                    .filter(part -> part != null).toList());
        }
        return new DebtorIdentity(f.firstname(), f.lastname(), f.email(), f.phone(),
                address == null ? null : address.substring(0, Math.min(address.length(), FieldLimits.ADDRESS)),
                f.birthdate(), f.debtorReference());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private Instant now() {
        return clock.instant();
    }
}
