package io.gitfleet.agent.render;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Multi-document YAML (and JSON, which YAML reads) with the line each document starts on. Safe loading only: no
 * custom tags, bounded aliases, duplicate keys refused (a second {@code image:} silently winning hides mistakes).
 */
final class YamlDocuments {

    /** One parsed document and the line it starts on. */
    record Document(Object value, int line) {
    }

    private YamlDocuments() {
    }

    static List<Document> parse(String text, String file, List<RenderProblem> problems) {
        try {
            Yaml yaml = yaml();
            List<Integer> lines = new ArrayList<>();
            for (Node node : yaml.composeAll(new java.io.StringReader(text))) {
                lines.add(node == null ? 1 : node.getStartMark().getLine() + 1);
            }
            List<Document> documents = new ArrayList<>();
            Iterator<Integer> line = lines.iterator();
            for (Object value : yaml().loadAll(text)) {
                int at = line.hasNext() ? line.next() : 1;
                if (value != null) {
                    documents.add(new Document(value, at));
                }
            }
            return documents;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(new RenderProblem(new SourceLocation(file, line), "invalid YAML: " + e.getProblem()));
            return List.of();
        } catch (YAMLException e) {
            problems.add(new RenderProblem(new SourceLocation(file, 1), "invalid YAML: " + e.getMessage()));
            return List.of();
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        return new Yaml(new SafeConstructor(options));
    }
}
