package io.gitfleet.agent.drift;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.gitfleet.agent.apply.Ownership;
import io.gitfleet.agent.render.ObjectKey;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One informer per resource type that owned objects use, each listing and watching only objects carrying the
 * ownership label: a change made by anyone reaches the agent within the watch's latency instead of at the next
 * resync, and the informers' caches answer health reads without a GET per object. Informers are started and
 * stopped as the set of types in use changes.
 */
public final class OwnedObjectInformers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OwnedObjectInformers.class);

    private final KubernetesClient client;
    private final Consumer<OwnedObjectEvent> listener;
    private final Map<ResourceType, SharedIndexInformer<GenericKubernetesResource>> informers =
            new ConcurrentHashMap<>();

    public OwnedObjectInformers(KubernetesClient client, Consumer<OwnedObjectEvent> listener) {
        this.client = client;
        this.listener = listener;
    }

    /** Watches exactly these types from now on. A type that cannot be watched is logged and read on demand. */
    public synchronized void watch(Set<ResourceType> types) {
        for (ResourceType stale : new HashSet<>(informers.keySet())) {
            if (!types.contains(stale)) {
                informers.remove(stale).close();
            }
        }
        for (ResourceType type : types) {
            if (!informers.containsKey(type)) {
                try {
                    informers.put(type, client.genericKubernetesResources(type.apiVersion(), type.kind())
                            .inAnyNamespace().withLabel(Ownership.ASSIGNMENT_LABEL).inform(new Handler(), 0));
                } catch (RuntimeException e) {
                    LOG.warnf("cannot watch %s %s (%s): drift in them is found at resync only", type.apiVersion(),
                            type.kind(), e.getMessage());
                }
            }
        }
    }

    public Set<ResourceType> watched() {
        return Set.copyOf(informers.keySet());
    }

    /** The object as the watch last saw it; empty when its type is not watched (the caller reads it instead). */
    public Optional<Optional<GenericKubernetesResource>> cached(ResourceType type, ObjectKey key) {
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(type);
        if (informer == null || !informer.hasSynced()) {
            return Optional.empty();
        }
        String storeKey = key.namespace().isEmpty() ? key.name() : key.namespace() + "/" + key.name();
        return Optional.of(Optional.ofNullable(informer.getStore().getByKey(storeKey)));
    }

    @Override
    public synchronized void close() {
        informers.values().forEach(SharedIndexInformer::close);
        informers.clear();
    }

    /** Runs on the informer's thread: turns the object into an event and hands it over, nothing slow. */
    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {

        @Override
        public void onAdd(GenericKubernetesResource object) {
            emit(object, false);
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            if (!after.getMetadata().getResourceVersion().equals(before.getMetadata().getResourceVersion())) {
                emit(after, false);
            }
        }

        @Override
        public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
            emit(object, true);
        }

        @SuppressWarnings("unchecked")
        private void emit(GenericKubernetesResource object, boolean gone) {
            Optional<UUID> owner = Ownership.owner(object.getMetadata().getLabels());
            if (owner.isEmpty()) {
                return;
            }
            ObjectKey key = ObjectKey.of(object.getApiVersion(), object.getKind(),
                    object.getMetadata().getNamespace(), object.getMetadata().getName());
            listener.accept(new OwnedObjectEvent(owner.get(), key, gone ? null
                    : client.getKubernetesSerialization().convertValue(object, Map.class)));
        }
    }
}
