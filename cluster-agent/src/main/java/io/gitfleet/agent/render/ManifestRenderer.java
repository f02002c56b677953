package io.gitfleet.agent.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders an assignment's path in a checkout into the objects to apply (design §4 step 2 and the static half of
 * step 3). Pure: it reads files and nothing else, so it is tested with golden files and never needs a cluster.
 * Every problem is collected, each naming its file and line; one problem means nothing may be applied.
 */
public final class ManifestRenderer {

    private static final Pattern MANIFEST = Pattern.compile(".*\\.(ya?ml|json)$");

    private final ResourceScopes scopes;

    public ManifestRenderer(ResourceScopes scopes) {
        this.scopes = scopes;
    }

    public RenderResult render(RenderRequest request) {
        List<RenderProblem> problems = new ArrayList<>();
        Optional<Path> root = root(request, problems);
        if (root.isEmpty()) {
            return RenderResult.of(List.of(), problems);
        }
        List<Parsed> parsed = new ArrayList<>();
        Function<String, String> variables = Substitutions.variables(request);
        for (Path file : manifests(root.get(), request.checkout())) {
            String name = root.get().relativize(file).toString().replace('\\', '/');
            String text = Substitutions.apply(read(file), name, variables, problems);
            for (YamlDocuments.Document document : YamlDocuments.parse(text, name, problems)) {
                expand(document.value(), new SourceLocation(name, document.line()), parsed, problems);
            }
        }
        ResourceScopes withCrds = withCustomResources(parsed);
        Map<ObjectKey, RenderedObject> objects = new LinkedHashMap<>();
        for (Parsed object : parsed) {
            render(object, request, withCrds, problems).ifPresent(rendered -> {
                RenderedObject earlier = objects.putIfAbsent(rendered.key(), rendered);
                if (earlier != null) {
                    problems.add(new RenderProblem(rendered.origin(), "duplicate object " + rendered.key()
                            + ", first defined at " + earlier.origin()));
                }
            });
        }
        return RenderResult.of(objects.values().stream().sorted(Comparator.comparing(RenderedObject::key)).toList(),
                problems);
    }

    /** A parsed document that looks like an object, before scope checks. */
    private record Parsed(Map<String, Object> body, SourceLocation origin) {
    }

    private static Optional<Path> root(RenderRequest request, List<RenderProblem> problems) {
        try {
            Path checkout = request.checkout().toRealPath();
            Path root = checkout.resolve(request.path()).normalize();
            if (!root.startsWith(checkout) || !Files.isDirectory(root)) {
                problems.add(new RenderProblem(new SourceLocation(request.path(), 0),
                        "path '" + request.path() + "' does not exist in this revision"));
                return Optional.empty();
            }
            Path real = root.toRealPath();
            if (!real.startsWith(checkout)) {
                problems.add(new RenderProblem(new SourceLocation(request.path(), 0),
                        "path '" + request.path() + "' leads outside the repository"));
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> manifests(Path root, Path checkout) {
        try (Stream<Path> files = Files.walk(root)) {
            Path realCheckout = checkout.toRealPath();
            return files.filter(file -> MANIFEST.matcher(file.getFileName().toString()).matches())
                    .filter(file -> root.relativize(file).toString().chars().noneMatch(c -> c == '\u0000'))
                    .filter(file -> !hidden(root.relativize(file)))
                    .filter(Files::isRegularFile)
                    .filter(file -> inside(file, realCheckout))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dot-directories ({@code .git}, {@code .github}) hold no manifests for the cluster. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A symbolic link must not smuggle a file from outside the checkout into the cluster. */
    private static boolean inside(Path file, Path checkout) {
        try {
            return file.toRealPath().startsWith(checkout);
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void expand(Object document, SourceLocation origin, List<Parsed> parsed,
            List<RenderProblem> problems) {
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(new RenderProblem(origin, "document is not a Kubernetes object (expected a mapping)"));
            return;
        }
        Map<String, Object> body = (Map<String, Object>) map;
        if ("List".equals(body.get("kind")) && body.get("items") instanceof List<?> items) {
            for (Object item : items) {
                expand(item, origin, parsed, problems);
            }
            return;
        }
        parsed.add(new Parsed(body, origin));
    }

    private Optional<RenderedObject> render(Parsed parsed, RenderRequest request, ResourceScopes scopes,
            List<RenderProblem> problems) {
        Map<String, Object> body = deepCopy(parsed.body());
        String apiVersion = text(body.get("apiVersion"));
        String kind = text(body.get("kind"));
        Map<String, Object> metadata = body.get("metadata") instanceof Map<?, ?> m ? castMap(m) : null;
        String name = metadata == null ? null : text(metadata.get("name"));
        if (apiVersion == null || kind == null || name == null) {
            problems.add(new RenderProblem(parsed.origin(), "object needs apiVersion, kind and metadata.name"
                    + (metadata != null && metadata.containsKey("generateName")
                            ? " (generateName cannot be applied idempotently)" : "")));
            return Optional.empty();
        }
        Optional<Boolean> namespaced = scopes.isNamespaced(apiVersion, kind);
        if (namespaced.isEmpty()) {
            problems.add(new RenderProblem(parsed.origin(), "unknown kind " + kind + " in " + apiVersion
                    + ": not built in, not served by the cluster, and no CustomResourceDefinition in this path"));
            return Optional.empty();
        }
        String namespace = text(metadata.get("namespace"));
        if (namespaced.get()) {
            if (namespace == null) {
                namespace = request.namespace();
                metadata.put("namespace", namespace);
            }
        } else if (namespace != null) {
            problems.add(new RenderProblem(parsed.origin(), "cluster-scoped " + kind + " '" + name
                    + "' must not set metadata.namespace"));
            return Optional.empty();
        }
        ObjectKey key = ObjectKey.of(apiVersion, kind, namespace, name);
        String boundary = TenantBoundary.problem(key, namespaced.get(), request.tenantNamespaces());
        if (boundary != null) {
            problems.add(new RenderProblem(parsed.origin(), boundary));
            return Optional.empty();
        }
        return Optional.of(new RenderedObject(key, apiVersion, body, parsed.origin()));
    }

    /** Built-in scopes, then CRDs in this render, then the cluster's discovery. */
    private ResourceScopes withCustomResources(List<Parsed> parsed) {
        Map<String, Boolean> custom = new HashMap<>();
        for (Parsed object : parsed) {
            Map<String, Object> body = object.body();
            if ("CustomResourceDefinition".equals(body.get("kind")) && body.get("spec") instanceof Map<?, ?> spec
                    && spec.get("names") instanceof Map<?, ?> names) {
                custom.put(spec.get("group") + "/" + names.get("kind"), !"Cluster".equals(spec.get("scope")));
            }
        }
        WellKnownScopes builtIn = new WellKnownScopes();
        return (apiVersion, kind) -> {
            Optional<Boolean> known = builtIn.isNamespaced(apiVersion, kind);
            if (known.isPresent()) {
                return known;
            }
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            Boolean fromCrd = custom.get(group + "/" + kind);
            return fromCrd != null ? Optional.of(fromCrd) : scopes.isNamespaced(apiVersion, kind);
        };
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return (T) copy;
        }
        return value;
    }
}
