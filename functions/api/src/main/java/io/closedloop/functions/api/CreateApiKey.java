package io.closedloop.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.aws.Settings;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates an API key directly in a deployed table, e.g. the first admin key, which no API call can create:
 *
 * <pre>
 * java -cp functions/api/target/api-0.1.0-SNAPSHOT-lambda.jar io.closedloop.functions.api.CreateApiKey \
 *     --table closedloop-dev --name "First admin" --scopes ADMIN
 * </pre>
 *
 * The full key is printed once on standard output (and nowhere else; only its hash is stored); what was created is
 * described on standard error. The DynamoDB client is the functions' own: region and credentials from the
 * environment ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}…), endpoint from {@code AWS_ENDPOINT_URL} if set.
 */
public final class CreateApiKey {

    static final int OK = 0;
    static final int REFUSED = 2;
    static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            usage: CreateApiKey --table <table> --name <name> --scopes <SCOPE,...> [--campaigns <campaignId,...>]
              --table      the deployment's table (default: $TABLE_NAME)
              --name       what the key is for, e.g. "First admin" or "Salesforce sync"
              --scopes     ADMIN, CASES_READ, CASES_WRITE, REPORTS (comma-separated)
              --campaigns  limit the key to these campaigns (not with ADMIN)""";

    private CreateApiKey() {}

    public static void main(String[] args) {
        int exit;
        Map<String, String> options = options(args, System.err);
        if (options == null) {
            exit = USAGE;
        } else {
            try (DynamoDbClient client = DynamoDb.client()) {
                exit = run(options, client, System.out, System.err);
            }
        }
        System.exit(exit);
    }

    /** Creates the key described by {@code options} in the table; returns the process exit code. */
    static int run(Map<String, String> options, DynamoDbClient client, PrintStream out, PrintStream err) {
        String table = options.getOrDefault("table", Settings.optional("TABLE_NAME"));
        if (table == null || !options.containsKey("name") || !options.containsKey("scopes")) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Stores stores = Stores.of(client, table, 0, InstantSource.system(), Duration.ZERO);
        ObjectNode request = Json.object();
        request.put("name", options.get("name"));
        ArrayNode scopes = request.putArray("scopes");
        split(options.get("scopes")).forEach(s -> scopes.add(s.toUpperCase(Locale.ROOT)));
        ArrayNode campaigns = request.putArray("campaignIds");
        split(options.getOrDefault("campaigns", "")).forEach(campaigns::add);
        try {
            ConfigAdmin.NewApiKey created = new ConfigAdmin(stores.config(), stores.configCache(), stores.cases()).createApiKey(request);
            err.println("Created API key " + created.entry().id() + " in table " + table + ": " + Json.string(created.entry().view()));
            err.println("The key is printed below, once; it is not stored and cannot be shown again.");
            out.println(created.key());
            return OK;
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            err.println("Not created: " + problem.detail());
            problem.errors().forEach(e -> err.println("  " + e.field() + ": " + e.message()));
            return REFUSED;
        }
    }

    /** {@code --name value} pairs; null (after printing the usage) when the arguments do not parse. */
    static Map<String, String> options(String[] args, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length
                    || !Arrays.asList("--table", "--name", "--scopes", "--campaigns").contains(name)) {
                err.println(USAGE_TEXT);
                return null;
            }
            options.put(name.substring(2), args[i + 1]);
        }
        return options;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
