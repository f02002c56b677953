package io.gitfleet.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.gitfleet.ui.api.Page;
import java.util.stream.Stream;

/**
 * A lazy grid over a list the API pages and counts in one answer: the grid's count reads the first page and hands
 * it to the fetch that follows, so every refresh costs one API call, not two. Sorting goes to the API as it takes
 * it ({@code name}, {@code -lastHeartbeatAt}).
 */
final class ApiPages<T> {

    /** One page as the API answers it; {@code sort} is null when the grid is not sorted. */
    @FunctionalInterface
    interface Reader<T> {
        Page<T> read(int page, int size, String sort);
    }

    private final Reader<T> reader;
    private final int pageSize;
    private Page<T> counted;

    private ApiPages(Reader<T> reader, int pageSize) {
        this.reader = reader;
        this.pageSize = pageSize;
    }

    /** Feeds {@code grid} from {@code reader}, {@code pageSize} rows per API call. */
    static <T> void feed(Grid<T> grid, int pageSize, Reader<T> reader) {
        ApiPages<T> pages = new ApiPages<>(reader, pageSize);
        grid.setPageSize(pageSize);
        grid.setItems(pages::fetch, pages::count);
    }

    private Stream<T> fetch(Query<T, Void> query) {
        String sort = sort(query);
        Page<T> first = counted;
        counted = null;
        boolean reuse = first != null && sort == null && query.getPage() == 0 && query.getPageSize() == first.size();
        return (reuse ? first : reader.read(query.getPage(), query.getPageSize(), sort)).items().stream();
    }

    private int count(Query<T, Void> query) {
        counted = reader.read(0, pageSize, null);
        return (int) counted.total();
    }

    private static <T> String sort(Query<T, Void> query) {
        return query.getSortOrders().stream().findFirst().map(ApiPages::sort).orElse(null);
    }

    private static String sort(QuerySortOrder order) {
        return (order.getDirection() == SortDirection.DESCENDING ? "-" : "") + order.getSorted();
    }
}
