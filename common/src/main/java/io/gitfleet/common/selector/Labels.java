package io.gitfleet.common.selector;

import java.util.Map;
import java.util.regex.Pattern;

/** Kubernetes label key and value syntax, so that a label the control plane accepts is one a cluster accepts. */
public final class Labels {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Labels() {
    }

    /** Why {@code key} is not a valid label key ({@code [prefix/]name}), or null. */
    public static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "label key must not be empty";
        }
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return "label key '" + key + "' has an invalid prefix: it must be a DNS subdomain of at most 253 characters";
            }
        }
        if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
            return "label key '" + key + "' is invalid: the name part must be 1-63 alphanumerics, '-', '_' or '.', "
                    + "starting and ending with an alphanumeric";
        }
        return null;
    }

    /** Why {@code value} is not a valid label value, or null. Empty values are valid. */
    public static String valueProblem(String value) {
        if (value == null) {
            return "label value must not be null";
        }
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 63 || !NAME.matcher(value).matches()) {
            return "label value '" + value + "' is invalid: at most 63 alphanumerics, '-', '_' or '.', "
                    + "starting and ending with an alphanumeric";
        }
        return null;
    }

    /** The first problem in a label map, or null when every key and value is valid. */
    public static String problem(Map<String, String> labels) {
        if (labels == null) {
            return null;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String problem = keyProblem(label.getKey());
            if (problem == null) {
                problem = valueProblem(label.getValue());
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
