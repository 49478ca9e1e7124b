package io.followup.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.domain.Page;

/** One page of a backend list, newest first; {@code page} counts from 0. */
public record PageBody<T>(
        List<T> items,
        int page,
        int size,
        @JsonProperty("total_elements") long totalElements,
        @JsonProperty("total_pages") int totalPages) {

    public static <E, T> PageBody<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageBody<>(page.getContent().stream().map(mapper).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
