package io.gitfleet.common.agent;

/** One object an assignment owns, what the last sync did to it, and its health. */
public record ObjectStatus(String group, String kind, String namespace, String name, String action, Health health,
        String message) {
}
