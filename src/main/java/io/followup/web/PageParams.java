package io.followup.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** {@code page} (from 0) and {@code size} (1 to 100) of the backend lists, checked the same way everywhere. */
public final class PageParams {

    public static final int MAX_SIZE = 100;

    private PageParams() {
    }

    public static PageRequest of(int page, int size, Sort sort) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 0) {
            errors.put("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.put("size", "size must be between 1 and " + MAX_SIZE);
        }
        if (errors.isEmpty() && (long) page * size > Integer.MAX_VALUE - size) {
            errors.put("page", "page is too large");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return PageRequest.of(page, size, sort);
    }
}
