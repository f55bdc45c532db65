package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.domain.Category;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.rules.Condition;
import io.closedloop.webui.FormBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule's condition as the builder's form fields: a tree of nodes named by path ({@code c} the top group, {@code c.0}
 * its first condition, {@code c.0.1} the second condition of that group). A group is AND ({@code all}) or OR
 * ({@code any}); any node may be negated ({@code <path>.not}), which is how NOT groups are written. Each node's
 * fields are {@code <path>.<field>}. Edits (add a condition or a group, remove one) are posted by buttons and shown
 * again, so the builder works without JavaScript.
 */
final class ConditionForm {

    /** The builder adds groups this deep below the top group (a form deeper than this is hard to read). */
    static final int BUILD_DEPTH = 3;
    /** Stored conditions nest up to this deep (the engine's limit), and the form reads them back whole. */
    static final int MAX_DEPTH = 8;
    static final int MAX_CHILDREN = 20;
    static final String ROOT = "c";
    static final List<String> LEAF_KINDS = List.of("score", "category", "attribute", "comment", "text");
    static final List<String> GROUP_KINDS = List.of("all", "any");
    private static final Pattern PATH = Pattern.compile("c(\\.[0-9]{1,2}){0," + MAX_DEPTH + "}");

    /** One condition as typed. {@code children} only for a group; the other fields only for their kind. */
    record Node(String kind, boolean not, String scale, String min, String max, Set<String> categories, String attribute, String op, String values,
            boolean present, String question, String text, List<Node> children) {
        Node {
            categories = Set.copyOf(categories);
            children = List.copyOf(children);
        }

        static Node group(String kind, List<Node> children) {
            return new Node(kind, false, null, null, null, Set.of(), null, null, null, true, null, null, children);
        }

        static Node leaf(String kind) {
            return switch (kind) {
                case "score" -> new Node(kind, false, "NPS", "0", "6", Set.of(), null, null, null, true, null, null, List.of());
                case "category" -> new Node(kind, false, null, null, null, Set.of(Category.DETRACTOR.name()), null, null, null, true, null, null, List.of());
                case "attribute" -> new Node(kind, false, null, null, null, Set.of(), null, "EQ", null, true, null, null, List.of());
                default -> new Node(kind, false, null, null, null, Set.of(), null, null, null, true, null, null, List.of());
            };
        }

        boolean isGroup() {
            return GROUP_KINDS.contains(kind);
        }

        Node withChildren(List<Node> replaced) {
            return new Node(kind, not, scale, min, max, categories, attribute, op, values, present, question, text, replaced);
        }
    }

    private ConditionForm() {}

    static boolean isPath(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    static int depth(String path) {
        return (int) path.chars().filter(c -> c == '.').count();
    }

    // ---- the form's fields -------------------------------------------------------------------------------------

    static Node read(FormBody form) {
        return Optional.ofNullable(read(form, ROOT, 0)).orElse(Node.group("all", List.of()));
    }

    private static Node read(FormBody form, String path, int depth) {
        String kind = FormText.strip(form.text(path + ".kind"));
        if (kind == null || !(GROUP_KINDS.contains(kind) || LEAF_KINDS.contains(kind)) || depth > MAX_DEPTH) {
            return null;
        }
        if (depth == 0 && !GROUP_KINDS.contains(kind)) {
            return null;
        }
        List<Node> children = new ArrayList<>();
        if (GROUP_KINDS.contains(kind)) {
            for (int i = 0; i < MAX_CHILDREN; i++) {
                Node child = read(form, path + "." + i, depth + 1);
                if (child == null) {
                    break;
                }
                children.add(child);
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        for (Category category : Category.values()) {
            if (form.fields().containsKey(path + ".cat." + category.name())) {
                categories.add(category.name());
            }
        }
        return new Node(kind, form.fields().containsKey(path + ".not"), FormText.strip(form.text(path + ".scale")), FormText.strip(form.text(path + ".min")),
                FormText.strip(form.text(path + ".max")), categories, FormText.strip(form.text(path + ".attribute")), FormText.strip(form.text(path + ".op")),
                FormText.strip(form.text(path + ".values")), !"no".equals(form.text(path + ".present")), FormText.strip(form.text(path + ".question")),
                FormText.strip(form.text(path + ".text")), children);
    }

    // ---- edits ---------------------------------------------------------------------------------------------------

    /** The tree with a new node of {@code kind} at the end of the group at {@code path}; unchanged when that cannot be. */
    static Node add(Node root, String path, String kind) {
        boolean group = GROUP_KINDS.contains(kind);
        int childDepth = depth(path) + 1;
        if (!(group || LEAF_KINDS.contains(kind)) || childDepth > BUILD_DEPTH || (group && childDepth + 1 > BUILD_DEPTH)) {
            return root;
        }
        Node added = group ? Node.group(kind, List.of(Node.leaf("score"))) : Node.leaf(kind);
        return edit(root, ROOT, path, node -> node.isGroup() && node.children().size() < MAX_CHILDREN
                ? node.withChildren(concat(node.children(), added)) : node);
    }

    /** The tree without the node at {@code path} (the top group stays, emptied of nothing else). */
    static Node remove(Node root, String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return root;
        }
        int index = Integer.parseInt(path.substring(dot + 1));
        return edit(root, ROOT, path.substring(0, dot), node -> {
            if (index >= node.children().size()) {
                return node;
            }
            List<Node> kept = new ArrayList<>(node.children());
            kept.remove(index);
            return node.withChildren(kept);
        });
    }

    private static Node edit(Node node, String at, String target, java.util.function.UnaryOperator<Node> change) {
        if (at.equals(target)) {
            return change.apply(node);
        }
        if (!target.startsWith(at + ".")) {
            return node;
        }
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < node.children().size(); i++) {
            children.add(edit(node.children().get(i), at + "." + i, target, change));
        }
        return node.withChildren(children);
    }

    private static List<Node> concat(List<Node> nodes, Node added) {
        List<Node> all = new ArrayList<>(nodes);
        all.add(added);
        return all;
    }

    // ---- to and from the rule's JSON -----------------------------------------------------------------------------

    /**
     * The condition as the admin API reads it. A top group of one condition is that condition; an empty top group is
     * {@code always}. What cannot be read (a score bound that is not a whole number) is refused on its field.
     */
    static ObjectNode toJson(Node root, List<FieldError> unreadable) {
        if (!root.not() && root.children().isEmpty()) {
            return Json.object().put("type", "always");
        }
        if (!root.not() && root.children().size() == 1) {
            return node(root.children().getFirst(), ROOT + ".0", unreadable);
        }
        return node(root, ROOT, unreadable);
    }

    private static ObjectNode node(Node node, String path, List<FieldError> unreadable) {
        ObjectNode json = Json.object();
        json.put("type", node.kind());
        switch (node.kind()) {
            case "all", "any" -> {
                ArrayNode conditions = json.putArray("conditions");
                for (int i = 0; i < node.children().size(); i++) {
                    conditions.add(node(node.children().get(i), path + "." + i, unreadable));
                }
            }
            case "score" -> {
                json.put("scale", node.scale());
                json.set("min", whole(node.min(), path + ".min", unreadable));
                json.set("max", whole(node.max(), path + ".max", unreadable));
            }
            case "category" -> {
                json.put("scale", node.scale());
                ArrayNode categories = json.putArray("categories");
                Arrays.stream(Category.values()).map(Category::name).filter(node.categories()::contains).forEach(categories::add);
            }
            case "attribute" -> {
                json.put("name", node.attribute());
                json.put("op", node.op());
                ArrayNode values = json.putArray("values");
                if (!"EXISTS".equals(node.op()) && node.values() != null) {
                    Arrays.stream(node.values().split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
                }
            }
            case "comment" -> json.put("present", node.present());
            case "text" -> {
                json.put("field", node.question() == null ? Condition.TextContains.COMMENT : Condition.TextContains.ANSWER_PREFIX + node.question());
                json.put("text", node.text());
            }
            default -> throw new IllegalStateException("unknown kind " + node.kind());
        }
        return node.not() ? (ObjectNode) Json.object().put("type", "not").set("condition", json) : json;
    }

    private static com.fasterxml.jackson.databind.JsonNode whole(String text, String path, List<FieldError> unreadable) {
        if (text == null) {
            return Json.MAPPER.nullNode();
        }
        if (!text.matches("-?[0-9]{1,4}")) {
            unreadable.add(new FieldError(path, "whole"));
            return Json.MAPPER.nullNode();
        }
        return Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(text));
    }

    /** The stored condition as the form shows it: always under a top group, which is AND unless the condition is a group. */
    static Node of(Condition condition) {
        Node node = nodeOf(condition, false);
        if (node == null) {
            return Node.group("all", List.of());
        }
        return node.isGroup() ? node : Node.group("all", List.of(node));
    }

    private static Node nodeOf(Condition condition, boolean not) {
        return switch (condition) {
            case null -> null;
            // "Always" has no row of its own: an empty top group is always
            case Condition.Always always -> null;
            case Condition.Not negated -> nodeOf(negated.condition(), !not);
            case Condition.All all -> new Node("all", not, null, null, null, Set.of(), null, null, null, true, null, null,
                    all.conditions().stream().map(c -> nodeOf(c, false)).filter(java.util.Objects::nonNull).toList());
            case Condition.Any any -> new Node("any", not, null, null, null, Set.of(), null, null, null, true, null, null,
                    any.conditions().stream().map(c -> nodeOf(c, false)).filter(java.util.Objects::nonNull).toList());
            case Condition.ScoreBetween b -> new Node("score", not, b.type() == null ? null : b.type().name(), number(b.min()), number(b.max()), Set.of(),
                    null, null, null, true, null, null, List.of());
            case Condition.CategoryIn c -> new Node("category", not, c.type() == null ? null : c.type().name(), null, null,
                    c.categories().stream().map(Category::name).collect(Collectors.toSet()), null, null, null, true, null, null, List.of());
            case Condition.Attribute a -> new Node("attribute", not, null, null, null, Set.of(), a.name(), a.op() == null ? null : a.op().name(),
                    String.join(", ", a.values()), true, null, null, List.of());
            case Condition.CommentPresent c -> new Node("comment", not, null, null, null, Set.of(), null, null, null, c.present(), null, null, List.of());
            case Condition.TextContains t -> new Node("text", not, null, null, null, Set.of(), null, null, null, true,
                    t.field().startsWith(Condition.TextContains.ANSWER_PREFIX) ? t.field().substring(Condition.TextContains.ANSWER_PREFIX.length()) : null,
                    t.text(), List.of());
        };
    }

    private static String number(Integer value) {
        return value == null ? null : String.valueOf(value);
    }

    // ---- where the admin API's errors go -------------------------------------------------------------------------

    private static final Pattern STEP = Pattern.compile("^(\\.conditions\\[([0-9]+)]|\\.condition)");

    /**
     * The node and field of an error the admin API found at a JSON path of the rule ({@code condition.conditions[1].min}
     * is field {@code min} of node {@code c.1} when the top group was sent whole). Empty for a path outside the condition.
     *
     * @param root the tree the JSON was made of, to know how {@link #toJson} folded its top group
     */
    static Optional<String[]> locate(String jsonPath, Node root) {
        if (jsonPath == null || !(jsonPath.equals("condition") || jsonPath.startsWith("condition."))) {
            return Optional.empty();
        }
        String rest = jsonPath.substring("condition".length());
        boolean folded = !root.not() && root.children().size() == 1;
        String path = folded ? ROOT + ".0" : ROOT;
        Node node = folded ? root.children().getFirst() : root;
        boolean negationStepped = false;
        while (true) {
            Matcher step = STEP.matcher(rest);
            if (!step.find()) {
                break;
            }
            if (step.group(2) != null) {
                int index = Integer.parseInt(step.group(2));
                if (node == null || index >= node.children().size()) {
                    break;
                }
                path = path + "." + index;
                node = node.children().get(index);
                negationStepped = false;
            } else if (node != null && node.not() && !negationStepped) {
                negationStepped = true;
            } else {
                break;
            }
            rest = rest.substring(step.end());
        }
        String field = rest.startsWith(".") ? rest.substring(1).replaceAll("\\[\\d+]$", "") : "";
        return Optional.of(new String[] {path, field});
    }
}
