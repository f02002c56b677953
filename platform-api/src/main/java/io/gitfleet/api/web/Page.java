package io.gitfleet.api.web;

import java.util.List;

/** One page of a list: the items, where it starts, and how many match in total. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
