package io.followup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.followup.apiclients.ApiClientsColumnLimits;
import io.followup.collections.CollectionsColumnLimits;
import io.followup.debtors.DebtorsColumnLimits;
import io.followup.enrollment.EnrollmentColumnLimits;
import io.followup.idempotency.IdempotencyColumnLimits;
import io.followup.job.JobColumnLimits;
import io.followup.ratelimit.RateLimitColumnLimits;
import io.followup.security.SecurityColumnLimits;
import io.followup.support.IntegrationTest;
import io.followup.webhooks.WebhooksColumnLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text column of the schema, as Flyway made it, against the rules that guard it: a length cap
 * in validation equals its column's size (a longer value would be a 500, a shorter cap would refuse
 * what the column holds), a text from outside is cut to exactly its column's size, a column of fixed
 * values fits the longest, and the rest are written only by the service. A new text column fails here until it is put in one of these groups.
 */
class ColumnLengthsIntegrationTests extends IntegrationTest {

    /** Written by the service itself, never from request text nor from outside. */
    private static final Set<String> SERVICE_WRITTEN = Set.of("job.kind", "job.status", "job.dedupe_key",
            "send_rate_bucket.id");

    /** Text from outside (provider answers, error messages), cut to a size where it is written. */
    private static final Map<String, Integer> CUT = merged(EnrollmentColumnLimits.CUT, JobColumnLimits.CUT,
            WebhooksColumnLimits.CUT);

    @Test
    void validationCapsEqualColumnSizes() {
        Map<String, Integer> validated = merged(CollectionsColumnLimits.VALIDATED, EnrollmentColumnLimits.VALIDATED,
                SecurityColumnLimits.VALIDATED, IdempotencyColumnLimits.VALIDATED, RateLimitColumnLimits.VALIDATED,
                ApiClientsColumnLimits.VALIDATED, WebhooksColumnLimits.VALIDATED);
        assertColumnSizes("column sizes of the validated fields", validated);
        // The debtor update has limits of its own on columns the debt create also fills.
        assertColumnSizes("column sizes of the debtor update's fields", DebtorsColumnLimits.VALIDATED);
    }

    /** A cut longer than its column would fail the write that records a failure; a shorter one would lose text. */
    @Test
    void cutSizesEqualColumnSizes() {
        assertColumnSizes("column sizes of the cut texts", CUT);
    }

    @Test
    void fixedValuesFitTheirColumns() {
        Map<String, Integer> fixed = merged(CollectionsColumnLimits.ENUMS, EnrollmentColumnLimits.FIXED_VALUES,
                IdempotencyColumnLimits.FIXED_VALUES, ApiClientsColumnLimits.FIXED_VALUES, WebhooksColumnLimits.FIXED_VALUES);
        Map<String, Integer> columns = textColumns();

        fixed.forEach((column, longest) -> assertThat(columns.get(column)).as(column).isNotNull().isGreaterThanOrEqualTo(longest));
    }

    @Test
    void everyTextColumnIsAccountedFor() {
        Set<String> known = new TreeSet<>(SERVICE_WRITTEN);
        known.addAll(CUT.keySet());
        for (Map<String, Integer> group : List.of(CollectionsColumnLimits.VALIDATED, CollectionsColumnLimits.ENUMS,
                EnrollmentColumnLimits.VALIDATED, EnrollmentColumnLimits.FIXED_VALUES, SecurityColumnLimits.VALIDATED,
                IdempotencyColumnLimits.VALIDATED, IdempotencyColumnLimits.FIXED_VALUES, RateLimitColumnLimits.VALIDATED,
                ApiClientsColumnLimits.VALIDATED, ApiClientsColumnLimits.FIXED_VALUES, WebhooksColumnLimits.VALIDATED,
                WebhooksColumnLimits.FIXED_VALUES)) {
            known.addAll(group.keySet());
        }

        assertThat(new TreeSet<>(textColumns().keySet())).isEqualTo(known);
    }

    /** Each column of {@code expected} has exactly its size in the schema. */
    private void assertColumnSizes(String description, Map<String, Integer> expected) {
        Map<String, Integer> columns = textColumns();

        Map<String, Integer> actual = new TreeMap<>();
        expected.keySet().forEach(column -> actual.put(column, columns.get(column)));
        assertThat(actual).as(description).isEqualTo(new TreeMap<>(expected));
    }

    /** {@code table.column} of every varchar column of the service's tables, to its size. */
    private Map<String, Integer> textColumns() {
        Map<String, Integer> columns = new HashMap<>();
        jdbc.query("""
                SELECT table_name, column_name, character_maximum_length FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type IN ('character varying', 'character', 'text')
                   AND table_name <> 'flyway_schema_history'""",
                rs -> {
                    int size = rs.getInt("character_maximum_length");
                    columns.put(rs.getString("table_name") + "." + rs.getString("column_name"), rs.wasNull() ? -1 : size);
                });
        return columns;
    }

    @SafeVarargs
    private static Map<String, Integer> merged(Map<String, Integer>... groups) {
        Map<String, Integer> all = new HashMap<>();
        for (Map<String, Integer> group : groups) {
            all.putAll(group);
        }
        return all;
    }
}
