package io.followup.collections;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.followup.debtors.DebtorIdentity;
import io.followup.debtors.Debtors;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.Constraints;
import io.followup.web.FieldErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;
    private final DebtActivity activity;
    private final CollectionsWebhooks webhooks;
    private final Clock clock;

    DebtService(DebtRepository debts, Debtors debtors, PublicIds ids, JdbcTemplate jdbc, DebtActivity activity,
            CollectionsWebhooks webhooks, Clock clock) {
        this.debts = debts;
        this.debtors = debtors;
        this.ids = ids;
        this.jdbc = jdbc;
        this.activity = activity;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Creates a debt; @return the answer, which is also the debt.created event's data (a new debt has no follow-ups). */
    public DebtResponse create(String companyId, CreateDebtRequest request) {
        FieldErrors errors = new FieldErrors();
        DebtFields fields = DebtRequestValidator.create(request, errors);
        errors.throwIfAny();
        DebtRequestValidator.refuseExpensive(fields);
        if (fields.internalId() != null && debts.existsByCompanyIdAndFieldsInternalId(companyId, fields.internalId())) {
            throw new DebtConflictException(fields.internalId());
        }
        return DebtResponse.from(insert(companyId, fields), DebtActivity.Figures.NONE, ids);
    }

    /** Writes a debt whose fields passed every check, with its debtor; a batch calls it once per row, each in its own transaction. */
    public Debt insert(String companyId, DebtFields fields) {
        Instant now = now();
        long debtor = debtors.debtorFor(companyId, identity(fields), now);
        Debt debt = saved(new Debt(companyId, debtor, fields, now));
        created(companyId, debt);
        return debt;
    }

    /**
     * Writes every one of these debts, or (on any failure, rolled back whole) none. Each insert runs at once (identity
     * keys); the session is flushed once at the end rather than after each row, which re-checked every row written so far.
     */
    public List<Debt> insertAll(String companyId, List<DebtFields> fields) {
        Instant now = now();
        List<Debt> written = fields.stream()
                .map(one -> debts.save(new Debt(companyId, debtors.debtorFor(companyId, identity(one), now), one, now)))
                .toList();
        debts.flush();
        written.forEach(debt -> created(companyId, debt));
        return written;
    }

    /** Which of these internal IDs the company's debts already have. */
    @Transactional(readOnly = true)
    public Set<String> takenInternalIds(String companyId, Collection<String> internalIds) {
        if (internalIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT internal_id FROM debt WHERE company_id = ? AND internal_id = ANY (?)");
            statement.setString(1, companyId);
            statement.setArray(2, connection.createArrayOf("varchar", internalIds.toArray()));
            return statement;
        }, (rs, row) -> rs.getString(1)));
    }

    /** debt.created, its data the create's answer: a new debt has no follow-ups, so no figures to read. */
    private void created(String companyId, Debt debt) {
        webhooks.debtCreated(companyId, DebtResponse.from(debt, DebtActivity.Figures.NONE, ids));
    }

    /** Writes the debt now, a taken internal_id (a concurrent request's) being the 409 it would have been before. */
    private Debt saved(Debt debt) {
        try {
            return debts.saveAndFlush(debt);
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, INTERNAL_ID_CONSTRAINT)) {
                throw new DebtConflictException(debt.fields().internalId());
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

    /**
     * A partial update (PUT and PATCH alike): the fields given are checked as on create and replace the stored ones.
     * The row's version makes a concurrent update of the same debt a 409, never a lost update. The debt keeps its debtor.
     * The figures are read once: they come from the follow-ups, which an update of the debt leaves alone, so they serve
     * the answer before the change (for debt.updated's {@code changes}) and the answer after it alike.
     *
     * @return the answer, which is also the data of debt.updated (and debt.status_changed)
     */
    public DebtResponse update(String companyId, String publicId, UpdateDebtRequest request) {
        Debt debt = get(companyId, publicId);
        FieldErrors errors = new FieldErrors();
        DebtUpdates.Changes changes = DebtUpdates.apply(debt.fields(), request, errors);
        errors.throwIfAny();
        DebtRequestValidator.refuseExpensive(changes.fields());
        String internalId = changes.fields().internalId();
        if (internalId != null && !internalId.equals(debt.fields().internalId())
                && debts.existsByCompanyIdAndFieldsInternalId(companyId, internalId)) {
            throw new DebtConflictException(internalId);
        }
        DebtActivity.Figures figures = activity.of(debt);
        DebtResponse before = DebtResponse.from(debt, figures, ids);
        debt.update(changes.fields(), changes.status(), now());
        DebtResponse answer = DebtResponse.from(saved(debt), figures, ids);
        webhooks.debtUpdated(companyId, before, answer);
        return answer;
    }

    /**
     * Deletes a debt and its follow-ups (the only rows that reference a debt) in one transaction. The debt is locked
     * first, so a follow-up created meanwhile waits and then finds no debt, rather than the delete failing on it.
     * Its debtor stays: a debtor is the person, who may owe other debts or come back with new ones. debt.deleted's data is
     * the debt as last stored, read by that lock; its figures are those of a debt without follow-ups (they went with it),
     * rather than a read of their own.
     */
    public void delete(String companyId, String publicId) {
        Debt debt = ids.decode(IdType.DEBT, publicId)
                .flatMap(debtId -> debts.findForDelete(debtId, companyId))
                .orElseThrow(CollectionsNotFoundException::debt);
        long id = debt.getId();
        webhooks.debtDeleted(companyId, DebtResponse.from(debt, DebtActivity.Figures.NONE, ids));
        jdbc.update("DELETE FROM debt_followup WHERE debt_id = ? AND company_id = ?", id, companyId);
        jdbc.update("DELETE FROM debt WHERE id = ? AND company_id = ?", id, companyId);
    }

    @Transactional(readOnly = true)
    public Page<Debt> list(String companyId, DebtListFilter filter, Pageable page) {
        return debts.findAll(filter.forCompany(companyId, null), page);
    }

    /** The debts of one of the company's debtors (else 404 "Debtor not found"), filtered like the whole list. */
    @Transactional(readOnly = true)
    public Page<Debt> listForDebtor(String companyId, String debtorPublicId, DebtListFilter filter, Pageable page) {
        long debtor = ids.decode(IdType.DEBTOR, debtorPublicId)
                .filter(id -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM debtor WHERE id = ? AND company_id = ?)", Boolean.class, id, companyId)))
                .orElseThrow(CollectionsNotFoundException::debtor);
        return debts.findAll(filter.forCompany(companyId, debtor), page);
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
            address = String.join(", ", Stream.of(
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
