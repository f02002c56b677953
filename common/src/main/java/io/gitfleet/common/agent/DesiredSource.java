package io.gitfleet.common.agent;

/**
 * The Git source of an assignment. {@code revision} is the commit the agent must apply: the pinned revision when the
 * assignment is pinned, otherwise the commit the control plane last resolved {@code ref} to (null before the first
 * resolution, in which case the agent resolves {@code ref} itself).
 */
public record DesiredSource(String url, String ref, String revision, SourceCredentials credentials) {
}
