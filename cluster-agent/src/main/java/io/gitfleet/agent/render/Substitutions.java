package io.gitfleet.agent.render;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ${VAR}} and {@code ${VAR:=default}} in manifest text, as Flux's post-build substitution writes them;
 * {@code $${VAR}} stays as the literal {@code ${VAR}}. Runs on the raw text before parsing, so a value can fill any
 * position; an undefined variable without a default is a problem at its line, never an empty string.
 */
final class Substitutions {

    private Substitutions() {
    }

    /** Returns the substituted text; problems found are added to {@code problems}. */
    static String apply(String text, String file, Function<String, String> variables, List<RenderProblem> problems) {
        StringBuilder out = new StringBuilder(text.length());
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                int newline = text.indexOf('\n', i + 2);
                if (end < 0 || (newline >= 0 && newline < end)) {
                    problems.add(new RenderProblem(new SourceLocation(file, line), "unterminated '${'"));
                    out.append(c);
                    i++;
                    continue;
                }
                String expression = text.substring(i + 2, end);
                int defaultAt = expression.indexOf(":=");
                String name = defaultAt < 0 ? expression : expression.substring(0, defaultAt);
                String value = variables.apply(name.trim());
                if (value == null && defaultAt >= 0) {
                    value = expression.substring(defaultAt + 2);
                }
                if (value == null) {
                    problems.add(new RenderProblem(new SourceLocation(file, line),
                            "variable '" + name.trim() + "' is not defined and has no default (${" + name.trim()
                                    + ":=value})"));
                    value = "";
                }
                out.append(value);
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The variables of one assignment on one cluster: its substitutions, then {@code cluster.*}. */
    static Function<String, String> variables(RenderRequest request) {
        Map<String, String> substitutions = request.substitutions();
        return name -> {
            if (substitutions.containsKey(name)) {
                return substitutions.get(name);
            }
            if (name.equals("cluster.name")) {
                return request.clusterName();
            }
            if (name.startsWith("cluster.labels.")) {
                return request.clusterLabels().get(name.substring("cluster.labels.".length()));
            }
            return null;
        };
    }
}
