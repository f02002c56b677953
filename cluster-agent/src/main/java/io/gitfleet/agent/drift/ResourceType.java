package io.gitfleet.agent.drift;

/** What one informer watches: a kind at the API version the manifests use. */
public record ResourceType(String apiVersion, String kind) {
}
