package io.gitfleet.api.source;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Whether assignments still use a source, asked before it may go. */
final class SourceUsage {

    private SourceUsage() {
    }

    static Uni<Long> assignmentCount(UUID sourceId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select count(*) from Assignment where sourceId = :source", Long.class)
                .setParameter("source", sourceId)
                .getSingleResult());
    }
}
