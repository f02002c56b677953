package io.gitfleet.api.web;

import io.gitfleet.api.problem.Violations;

/** Validated {@code ?page=&size=} (page from 0; size 1-500, default 50). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        new Violations()
                .check("page", p < 0 ? "must be 0 or more" : null)
                .check("size", s < 1 || s > MAX_SIZE ? "must be between 1 and " + MAX_SIZE : null)
                .throwIfAny();
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
