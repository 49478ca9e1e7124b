package io.followup.enrollment;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;

/** A status finds its step through index ix_enrollment_steps (V9), not by reading every enrollment's steps. */
class StepMessageLookupIntegrationTests extends IntegrationTest {

    @Test
    void theMessageLookupCanUseTheStepsIndex() {
        List<String> plan = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // A test table is too small for the planner to prefer an index of its own accord; forbidding the
                // sequential scan shows whether the index can answer the query at all.
                statement.execute("SET LOCAL enable_seqscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT * FROM enrollment WHERE steps @> "
                        + "jsonb_build_array(jsonb_build_object('provider_message_id', CAST('wamid.x' AS text))) LIMIT 1 FOR UPDATE")) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return lines;
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });

        assertThat(String.join("\n", plan)).contains("ix_enrollment_steps");
    }
}
