package io.gitfleet.api.cluster;

import io.gitfleet.api.web.Page;
import io.gitfleet.api.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** Server-side filtered, sorted, paginated cluster lists. Must run inside a session. */
public final class ClusterQueries {

    private ClusterQueries() {
    }

    public static Uni<Page<ClusterView>> page(ClusterFilter filter, PageRequest page) {
        SqlParams params = new SqlParams();
        String where = filter.where(params);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Cluster> select = session.createNativeQuery(
                    "SELECT * FROM cluster" + where + filter.orderBy() + " LIMIT " + page.size()
                            + " OFFSET " + page.offset(), Cluster.class);
            bind(select, params.values());
            Mutiny.SelectionQuery<Long> count = session.createNativeQuery(
                    "SELECT count(*) FROM cluster" + where, Long.class);
            bind(count, params.values());
            return select.getResultList().chain(clusters -> count.getSingleResult()
                    .map(total -> new Page<>(clusters.stream().map(ClusterView::of).toList(), page.page(),
                            page.size(), total)));
        });
    }

    public static Uni<List<Cluster>> all(ClusterFilter filter) {
        SqlParams params = new SqlParams();
        String where = filter.where(params);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Cluster> select = session.createNativeQuery(
                    "SELECT * FROM cluster" + where + filter.orderBy(), Cluster.class);
            bind(select, params.values());
            return select.getResultList();
        });
    }

    private static void bind(Mutiny.SelectionQuery<?> query, Map<String, Object> values) {
        values.forEach(query::setParameter);
    }
}
