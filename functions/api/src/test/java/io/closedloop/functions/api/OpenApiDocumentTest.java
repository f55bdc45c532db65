package io.closedloop.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.ApiScope;
import io.closedloop.testing.Project;
import io.closedloop.testing.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static String text;
    private static Map<String, Object> document;
    private static ApiFixture api;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(Project.root().resolve("docs/openapi.yaml"), StandardCharsets.UTF_8);
        document = new Yaml().load(text);
        api = new ApiFixture();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Every documented operation as "METHOD /path". */
    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        map(document.get("paths")).forEach((path, item) -> map(item).keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    @Test
    void document_isOpenApi31_withTheBearerKeyScheme() {
        assertThat(document.get("openapi")).isEqualTo("3.1.0");
        Map<String, Object> scheme = map(map(map(document.get("components")).get("securitySchemes")).get("apiKey"));
        assertThat(scheme).containsEntry("type", "http").containsEntry("scheme", "bearer");
    }

    @Test
    void everyRouteTheHandlerServes_isDocumented_andNothingElseUnderAdminOrApi() {
        Set<String> served = new TreeSet<>(api.handler.routes());
        Set<String> documentedApi = new TreeSet<>(documented());
        documentedApi.removeIf(op -> !op.contains(" /admin/") && !op.contains(" /api/"));

        assertThat(served).hasSizeGreaterThan(40);
        assertThat(documentedApi).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void webhookRoute_isDocumentedAsTheTemplateDeclaresIt_andEveryHandlerRouteIsBehindTheTemplatesProxies() {
        List<SamTemplate.Route> routes = SamTemplate.load().routes();
        SamTemplate.Route webhook = routes.stream().filter(r -> r.functionId().equals("IngestFunction")).findFirst().orElseThrow();
        List<String> proxies = routes.stream().filter(r -> r.functionId().equals("ApiFunction"))
                .map(r -> r.method() + " " + r.path()).toList();

        assertThat(documented()).contains(webhook.method() + " " + webhook.path());
        assertThat(proxies).containsExactlyInAnyOrder("ANY /admin/{proxy+}", "ANY /api/{proxy+}");
        assertThat(api.handler.routes()).allMatch(r -> r.contains(" /admin/") || r.contains(" /api/"));
    }

    @Test
    void everyOperation_answersProblemsAndDocuments401_exceptTheWebhook() {
        List<String> missing = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method) && !path.startsWith("/webhooks/") && !map(map(operation).get("responses")).containsKey("401")) {
                missing.add(method + " " + path);
            }
        }));

        assertThat(missing).isEmpty();
    }

    @Test
    void everyReference_resolvesToAComponent() {
        List<String> dangling = new ArrayList<>();
        Matcher refs = Pattern.compile("\\$ref: \"#/components/(\\w+)/(\\w+)\"").matcher(text);
        Map<String, Object> components = map(document.get("components"));
        while (refs.find()) {
            Object section = components.get(refs.group(1));
            if (section == null || !map(section).containsKey(refs.group(2))) {
                dangling.add(refs.group());
            }
        }

        assertThat(dangling).isEmpty();
    }

    @Test
    void servedDocument_isTheDocsFile() {
        String reader = api.key("Reader", Set.of(ApiScope.CASES_READ), Set.of());

        assertThat(api.get("/api/openapi.yaml", reader).text()).isEqualTo(text);
    }
}
