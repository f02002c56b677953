package io.gitfleet.agent.git;

import java.nio.file.Path;

/** The files of one commit, as far as one assignment needs them, extracted under {@code root}. */
public record Checkout(String commit, Path root) {
}
