package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.domain.Page;

/** One page of configurations, newest first; {@code page} counts from 0. */
public record ConfigPage(
        List<ConfigResponse> items,
        int page,
        int size,
        @JsonProperty("total_elements") long totalElements,
        @JsonProperty("total_pages") int totalPages) {

    static ConfigPage from(Page<FollowupConfig> page) {
        return new ConfigPage(page.getContent().stream().map(ConfigResponse::from).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
