package io.gitfleet.agent.render;

/** Where an object or a problem comes from: a file relative to the assignment's path, and a 1-based line. */
public record SourceLocation(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
