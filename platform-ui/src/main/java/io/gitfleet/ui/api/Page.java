package io.gitfleet.ui.api;

import java.util.List;

/** One page of a list the API paginates (its {@code Page} schema). */
public record Page<T>(List<T> items, int page, int size, long total) {
}
