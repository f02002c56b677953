package io.gitfleet.agent.render;

/** Why a render cannot be applied, named by file and line so the author can fix the commit. */
public record RenderProblem(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
