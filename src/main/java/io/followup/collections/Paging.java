package io.followup.collections;

import java.util.LinkedHashMap;
import java.util.Map;

import io.followup.web.InvalidRequestException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** {@code page} (from 1) and {@code limit} (1 to 100, default 20) of the external lists, newest first. */
final class Paging {

    static final int MAX_LIMIT = 100;

    private Paging() {
    }

    static PageRequest newestFirst(int page, int limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 1) {
            errors.put("page", "page must be 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.put("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (errors.isEmpty() && (long) (page - 1) * limit > Integer.MAX_VALUE - limit) {
            errors.put("page", "page is too large");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return PageRequest.of(page - 1, limit, Sort.by(Sort.Direction.DESC, "id"));
    }
}
