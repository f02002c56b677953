package io.gitfleet.agent.render;

import java.util.Optional;
import java.util.Set;

/** Scopes of the built-in Kubernetes kinds, so common manifests render without asking the API server. */
public final class WellKnownScopes implements ResourceScopes {

    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "v1/Namespace", "v1/Node", "v1/PersistentVolume",
            "apiextensions.k8s.io/CustomResourceDefinition",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/VolumeAttachment",
            "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass", "networking.k8s.io/IngressClass",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration",
            "apiregistration.k8s.io/APIService", "policy/PodSecurityPolicy");

    private static final Set<String> NAMESPACED = Set.of(
            "v1/ConfigMap", "v1/Secret", "v1/Service", "v1/ServiceAccount", "v1/Pod", "v1/PersistentVolumeClaim",
            "v1/Endpoints", "v1/LimitRange", "v1/ResourceQuota", "v1/ReplicationController",
            "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet",
            "batch/Job", "batch/CronJob", "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/RoleBinding",
            "networking.k8s.io/Ingress", "networking.k8s.io/NetworkPolicy", "policy/PodDisruptionBudget",
            "autoscaling/HorizontalPodAutoscaler", "coordination.k8s.io/Lease");

    @Override
    public Optional<Boolean> isNamespaced(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "v1";
        String key = group + "/" + kind;
        if (CLUSTER_SCOPED.contains(key)) {
            return Optional.of(false);
        }
        if (NAMESPACED.contains(key)) {
            return Optional.of(true);
        }
        return Optional.empty();
    }
}
