package io.closedloop.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads template.yaml, the one definition of the table, the routes and the schedules, so the local stack and the
 * tests build exactly what a deployment builds. CloudFormation short-form tags become their long form
 * ({@code !Ref X} → {@code {Ref: X}}, {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}).
 */
public final class SamTemplate {

    private static final Pattern PREFIX = Pattern.compile("\"prefix\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, Object> root;

    /** A function's HTTP route: method (or ANY) and path with {@code {param}} and {@code {proxy+}} segments. */
    public record Route(String functionId, String handler, String method, String path) {}

    /** A function's schedule: its expression as deployed (parameter defaults resolved) and its input. */
    public record Schedule(String functionId, String handler, String expression, String input) {}

    /** A function's stream subscription and the key prefixes its filter lets through. */
    public record StreamSubscription(String functionId, String handler, int batchSize, List<String> keyPrefixes) {}

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate read(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(reader);
            return new SamTemplate(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    public static SamTemplate load() {
        return read(Project.template());
    }

    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(map(root, "Resources"), logicalId);
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("no resource " + logicalId + " in template.yaml");
        }
        return resource;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId), "Properties");
    }

    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(root, "Resources").forEach((id, value) -> {
            Map<String, Object> resource = asMap(value);
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    public String parameterDefault(String name) {
        Object value = map(map(root, "Parameters"), name).get("Default");
        return value == null ? null : String.valueOf(value);
    }

    public Map<String, Object> globalsFunction() {
        return map(map(root, "Globals"), "Function");
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        forEachEvent((id, handler, event) -> {
            if ("HttpApi".equals(event.get("Type"))) {
                Map<String, Object> p = map(event, "Properties");
                routes.add(new Route(id, handler, String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT), (String) p.get("Path")));
            }
        });
        return routes;
    }

    public List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        forEachEvent((id, handler, event) -> {
            if ("ScheduleV2".equals(event.get("Type")) || "Schedule".equals(event.get("Type"))) {
                Map<String, Object> p = map(event, "Properties");
                Object input = p.get("Input");
                schedules.add(new Schedule(id, handler, resolve(p.get("ScheduleExpression")), input == null ? "{}" : String.valueOf(input)));
            }
        });
        return schedules;
    }

    public List<StreamSubscription> streamSubscriptions() {
        List<StreamSubscription> subscriptions = new ArrayList<>();
        forEachEvent((id, handler, event) -> {
            if ("DynamoDB".equals(event.get("Type"))) {
                Map<String, Object> p = map(event, "Properties");
                List<String> prefixes = new ArrayList<>();
                Object filters = map(p, "FilterCriteria").get("Filters");
                if (filters instanceof List<?> list) {
                    for (Object f : list) {
                        Matcher matcher = PREFIX.matcher(String.valueOf(asMap(f).get("Pattern")));
                        while (matcher.find()) {
                            prefixes.add(matcher.group(1));
                        }
                    }
                }
                int batch = Integer.parseInt(String.valueOf(p.getOrDefault("BatchSize", 100)));
                subscriptions.add(new StreamSubscription(id, handler, batch, prefixes));
            }
        });
        return subscriptions;
    }

    /** A scalar as deployed with default parameters: {@code {Ref: Param}} becomes the parameter's default. */
    public String resolve(Object value) {
        if (value instanceof Map<?, ?> ref && ref.containsKey("Ref")) {
            String name = String.valueOf(ref.get("Ref"));
            String fallback = parameterDefault(name);
            if (fallback == null) {
                throw new IllegalArgumentException("cannot resolve Ref " + name);
            }
            return fallback;
        }
        return value == null ? null : String.valueOf(value);
    }

    private interface EventVisitor {
        void visit(String functionId, String handler, Map<String, Object> event);
    }

    private void forEachEvent(EventVisitor visitor) {
        resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            Map<String, Object> props = map(resource, "Properties");
            map(props, "Events").values().forEach(e -> visitor.visit(id, (String) props.get("Handler"), asMap(e)));
        });
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? Map.of() : asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String fn : List.of("Ref", "GetAtt", "Sub", "If", "Not", "Equals", "Join", "Select", "Split",
                    "FindInMap", "Base64", "Condition", "And", "Or", "ImportValue", "GetAZs", "Cidr")) {
                this.yamlConstructors.put(new Tag("!" + fn), new Intrinsic(fn));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                Object value = switch (node) {
                    case ScalarNode scalar when name.equals("GetAtt") -> List.of(scalar.getValue().split("\\.", 2));
                    case ScalarNode scalar -> scalar.getValue();
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> null;
                };
                return Map.of(key, value);
            }
        }
    }
}
