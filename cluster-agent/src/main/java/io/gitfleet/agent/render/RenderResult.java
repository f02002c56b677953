package io.gitfleet.agent.render;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of rendering one assignment: either objects (sorted by key) or problems, never a mix, so nothing is
 * ever applied from a render that found a problem.
 */
public record RenderResult(List<RenderedObject> objects, List<RenderProblem> problems) {

    public RenderResult {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    /** Problems come out in file and line order, however the renderer found them. */
    static RenderResult of(List<RenderedObject> objects, List<RenderProblem> problems) {
        List<RenderProblem> sorted = problems.stream()
                .sorted(Comparator.comparing((RenderProblem p) -> p.location().file())
                        .thenComparingInt(p -> p.location().line()))
                .toList();
        return sorted.isEmpty() ? new RenderResult(objects, List.of()) : new RenderResult(List.of(), sorted);
    }

    public boolean failed() {
        return !problems.isEmpty();
    }
}
