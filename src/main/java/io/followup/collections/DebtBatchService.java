package io.followup.collections;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.ApiException;
import io.followup.web.FieldByFieldReader;
import io.followup.web.FieldErrors;
import io.followup.web.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GetBill's batch create: up to {@value #MAX_ROWS} debts, each checked by the rules of a single create, then written
 * {@value #CHUNK} to a transaction; a chunk that fails is written again one row to a transaction, so a bad row
 * (unreadable, invalid, expensive, or failing on write) never stops the good ones. A row whose {@code internal_id} the company already has, or an earlier row of the batch has, is skipped.
 * A body that is not a batch at all (no {@code debts}, more than {@value #MAX_ROWS}, a bad {@code batch_name}) is a 400
 * and writes nothing.
 */
@Service
class DebtBatchService {

    static final int MAX_ROWS = 1000;
    /** Rows written per transaction (a commit per row made 1,000 rows take 22 s, chunks 4 s); a failed chunk is redone row by row. */
    private static final int CHUNK = 100;
    private static final Set<String> MEMBERS = Set.of("batch_name", "accept_expensive_destination", "debts");
    private static final DateTimeFormatter DEFAULT_NAME = DateTimeFormatter.ofPattern("'API Batch - 'dd/MM/yyyy HH:mm").withZone(ZoneOffset.UTC);

    private final DebtService debts;
    private final JsonMapper mapper;
    private final JavaType rowType;
    private final JdbcTemplate jdbc;
    private final PublicIds ids;
    private final Clock clock;

    DebtBatchService(DebtService debts, JsonMapper mapper, JdbcTemplate jdbc, PublicIds ids, Clock clock) {
        this.debts = debts;
        this.mapper = mapper;
        this.rowType = mapper.constructType(CreateDebtRequest.class);
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** A row read and checked: its fields when it may be written, else the reason it may not. */
    private record Checked(int index, String tempId, DebtFields fields, CreateDebtRequest request, Map<String, String> errors) {
    }

    DebtBatchResponse run(String companyId, ObjectNode body) {
        FieldErrors errors = new FieldErrors();
        for (String member : body.propertyNames()) {
            if (!MEMBERS.contains(member)) {
                errors.add(member, "Unknown field");
            }
        }
        String batchName = batchName(errors, body.get("batch_name"));
        Boolean acceptAll = flag(errors, body.get("accept_expensive_destination"));
        JsonNode rows = body.get("debts");
        if (rows == null || rows.isNull()) {
            errors.add("debts", "debts is required");
        }
        else if (!rows.isArray() || rows.isEmpty()) {
            errors.add("debts", "debts must be an array of 1 to " + MAX_ROWS + " debts");
        }
        else if (rows.size() > MAX_ROWS) {
            errors.add("debts", "A batch has at most " + MAX_ROWS + " debts; this one has " + rows.size());
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        List<Checked> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            checked.add(check(i, rows.get(i), Boolean.TRUE.equals(acceptAll)));
        }
        long importId = jdbc.queryForObject("INSERT INTO debt_import (company_id, batch_name, total, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                Long.class, companyId, batchName == null ? DEFAULT_NAME.format(now) : batchName, rows.size(), Timestamp.from(now));
        DebtBatchResponse response = write(companyId, checked);
        DebtBatchResponse.Summary summary = response.summary();
        jdbc.update("UPDATE debt_import SET created = ?, failed = ?, skipped = ?, finished_at = ? WHERE id = ?",
                summary.created(), summary.failed(), summary.skipped(), Timestamp.from(clock.instant()), importId);
        return new DebtBatchResponse(ids.encode(IdType.DEBT_IMPORT, importId), response.created(), response.failed(),
                response.skipped(), summary);
    }

    private DebtBatchResponse write(String companyId, List<Checked> rows) {
        Set<String> taken = new HashSet<>(debts.takenInternalIds(companyId,
                rows.stream().filter(row -> row.fields() != null && row.fields().internalId() != null)
                        .map(row -> row.fields().internalId()).distinct().toList()));
        List<DebtBatchResponse.Row> created = new ArrayList<>();
        List<DebtBatchResponse.Row> failed = new ArrayList<>();
        List<DebtBatchResponse.Row> skipped = new ArrayList<>();
        List<Checked> writable = new ArrayList<>();
        for (Checked row : rows) {
            String internalId = row.fields() == null ? null : row.fields().internalId();
            if (row.fields() == null) {
                failed.add(new DebtBatchResponse.Row(row.index(), row.tempId(), null, DebtBatchResponse.INVALID, row.errors(), null,
                        DebtBatchResponse.Fields.of(row.request())));
            }
            else if (internalId != null && !taken.add(internalId)) {
                skipped.add(skip(row));
            }
            else {
                writable.add(row);
            }
        }
        for (int from = 0; from < writable.size(); from += CHUNK) {
            List<Checked> chunk = writable.subList(from, Math.min(from + CHUNK, writable.size()));
            try {
                List<Debt> written = debts.insertAll(companyId, chunk.stream().map(Checked::fields).toList());
                for (int i = 0; i < chunk.size(); i++) {
                    created.add(created(chunk.get(i), written.get(i)));
                }
            }
            catch (RuntimeException chunkFailed) {
                // Rolled back whole: its rows again, one transaction each, so only the bad one fails.
                chunk.forEach(row -> writeAlone(companyId, row, created, failed, skipped));
            }
        }
        created.sort(java.util.Comparator.comparingInt(DebtBatchResponse.Row::index));
        failed.sort(java.util.Comparator.comparingInt(DebtBatchResponse.Row::index));
        skipped.sort(java.util.Comparator.comparingInt(DebtBatchResponse.Row::index));
        return new DebtBatchResponse(null, created, failed, skipped,
                new DebtBatchResponse.Summary(rows.size(), created.size(), failed.size(), skipped.size()));
    }

    private void writeAlone(String companyId, Checked row, List<DebtBatchResponse.Row> created, List<DebtBatchResponse.Row> failed,
            List<DebtBatchResponse.Row> skipped) {
        try {
            created.add(created(row, debts.insert(companyId, row.fields())));
        }
        catch (DebtConflictException ex) {
            skipped.add(skip(row)); // another request took the internal_id since the look-up
        }
        catch (ApiException ex) {
            failed.add(new DebtBatchResponse.Row(row.index(), row.tempId(), null, DebtBatchResponse.INVALID,
                    new TreeMap<>(ex.details()), null, DebtBatchResponse.Fields.of(row.fields())));
        }
    }

    private DebtBatchResponse.Row created(Checked row, Debt debt) {
        return new DebtBatchResponse.Row(row.index(), row.tempId(), ids.encode(IdType.DEBT, debt.getId()),
                DebtBatchResponse.VALID, null, null, DebtBatchResponse.Fields.of(debt.fields()));
    }

    private static DebtBatchResponse.Row skip(Checked row) {
        return new DebtBatchResponse.Row(row.index(), row.tempId(), null, DebtBatchResponse.SKIPPED, null,
                "A debt with internal_id '" + row.fields().internalId() + "' already exists",
                DebtBatchResponse.Fields.of(row.fields()));
    }

    /** Reads and checks one row exactly as a single create would, without the database. */
    private Checked check(int index, JsonNode node, boolean acceptAll) {
        if (!(node instanceof ObjectNode given)) {
            return new Checked(index, null, null, null, Map.of("debts[" + index + "]", "Each debt must be a JSON object"));
        }
        ObjectNode row = given.deepCopy();
        JsonNode tempIdNode = row.remove("temp_id");
        Map<String, String> errors = new TreeMap<>();
        String tempId = null;
        if (tempIdNode != null && !tempIdNode.isNull()) {
            if (tempIdNode.isString() && tempIdNode.asString().length() <= FieldLimits.REFERENCE) {
                tempId = tempIdNode.asString();
            }
            else {
                errors.put("temp_id", "temp_id must be a text of at most " + FieldLimits.REFERENCE + " characters");
            }
        }
        if (acceptAll && !row.has("accept_expensive_destination")) {
            row.put("accept_expensive_destination", true);
        }
        FieldByFieldReader.Result<CreateDebtRequest> read;
        try {
            read = FieldByFieldReader.read(mapper, row, rowType);
        }
        catch (JacksonException ex) {
            errors.put("debt", "The debt could not be read");
            return new Checked(index, tempId, null, null, errors);
        }
        FieldErrors fieldErrors = new FieldErrors();
        DebtFields fields = DebtRequestValidator.create(read.value(), fieldErrors);
        Map<String, String> found = new LinkedHashMap<>();
        try {
            fieldErrors.throwIfAny();
        }
        catch (InvalidRequestException ex) {
            found.putAll(ex.details());
        }
        errors.putAll(read.problems() == null ? found : read.problems().mergedWith(found));
        if (errors.isEmpty()) {
            try {
                DebtRequestValidator.refuseExpensive(fields);
            }
            catch (ExpensiveDestinationException ex) {
                errors.putAll(ex.details());
            }
        }
        return new Checked(index, tempId, errors.isEmpty() ? fields : null, read.value(), errors.isEmpty() ? null : errors);
    }

    private static String batchName(FieldErrors errors, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String name = node.isString() ? node.asString().strip() : null;
        if (name == null || name.isEmpty() || name.length() > FieldLimits.BATCH_NAME || name.indexOf('\0') >= 0) {
            errors.add("batch_name", "batch_name must be a text of 1 to " + FieldLimits.BATCH_NAME + " characters");
            return null;
        }
        return name;
    }

    private static Boolean flag(FieldErrors errors, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add("accept_expensive_destination", "accept_expensive_destination must be true or false");
            return null;
        }
        return node.booleanValue();
    }
}
