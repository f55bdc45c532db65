package io.closedloop.local;

import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.closedloop.text.Html.escape;

/** The local stack's own pages: a home page with every link, and the email outbox. */
final class LocalPages {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:960px}"
            + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}"
            + "code{background:#f3f3f3;padding:2px 4px}";

    private LocalPages() {}

    static String home(String baseUrl, Collection<String> schedules) {
        return page("Closedloop local stack", "<h1>Closedloop local stack</h1><ul>"
                + "<li><a href=\"/local/outbox\">Email outbox</a> (alert links open the case page)</li>"
                + "<li><a href=\"/dashboard\">Dashboard</a> (sign in with the local admin key printed at start)</li>"
                + "<li><a href=\"/local/events.json\">Domain events</a> published on the local bus</li>"
                + "<li><a href=\"/health\">Health</a></li></ul>"
                + "<h2>Try it</h2><p>Post the sample detractor: <code>./local/post-sample events/webhook-generic-detractor.json</code></p>"
                + "<p>Move the clock 49 hours: <code>curl -X POST '" + escape(baseUrl) + "/local/clock?hours=49'</code></p>"
                + "<p>Run " + escape(String.join(", ", schedules)) + " now: <code>curl -X POST '" + escape(baseUrl)
                + "/local/run?function=SlaCheckFunction'</code></p>"
                + "<p>Make the next 3 emails fail (SES throttling): <code>curl -X POST '" + escape(baseUrl) + "/local/outbox/fail?count=3'</code></p>");
    }

    static String outbox(List<Outbox.Message> messages) {
        StringBuilder rows = new StringBuilder();
        for (Outbox.Message m : messages.reversed()) {
            rows.append("<tr><td>").append(escape(m.at().toString())).append("</td><td>").append(escape(m.to()))
                    .append("</td><td><a href=\"/local/outbox/").append(escape(m.id())).append("\">").append(escape(m.subject()))
                    .append("</a></td><td><pre style=\"white-space:pre-wrap;margin:0\">").append(linkify(m.text())).append("</pre></td></tr>");
        }
        return page("Outbox", "<h1>Outbox</h1><p>" + messages.size() + " email(s), newest first. Links in the text open the case page.</p>"
                + "<table><tr><th>When</th><th>To</th><th>Subject</th><th>Text part</th></tr>" + rows + "</table>");
    }

    /** Escapes the text and turns our own case links into anchors. */
    private static String linkify(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int at = line.indexOf("http://");
            if (at >= 0 && line.indexOf("/c/", at) > 0) {
                String url = line.substring(at).trim();
                out.append(escape(line.substring(0, at))).append("<a href=\"").append(escape(url)).append("\">").append(escape(url)).append("</a>");
            } else {
                out.append(escape(line));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    /**
     * A ready-to-paste curl that posts the sample body, with a fresh id and the current submission time, signed as
     * the demo source expects; valid for five minutes (the signature's replay window).
     */
    static String curl(String baseUrl, String sourceId, String secret, Path sample) {
        try {
            String json = freshSample(Files.readString(Project.root().resolve(sample)), Instant.now());
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> headers = WebhookSigner.headers(WebhookFormat.GENERIC, secret, body, Instant.now(),
                    "msg_" + UUID.randomUUID().toString().replace("-", ""));
            StringBuilder curl = new StringBuilder("curl -i " + baseUrl + "/webhooks/" + sourceId + " -H 'content-type: application/json'");
            headers.forEach((name, value) -> {
                if (!name.equals("content-type")) {
                    curl.append(" -H '").append(name).append(": ").append(value).append('\'');
                }
            });
            return curl.append(" --data-binary '").append(json.replace("'", "'\\''")).append('\'').toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as if just answered: a new response id and the current submission time, on one line. */
    static String freshSample(String json, Instant now) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.closedloop.json.Json.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tree.put("id", "sample-" + now.getEpochSecond() + "-" + UUID.randomUUID().toString().substring(0, 8));
        tree.put("submittedAt", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return io.closedloop.json.Json.string(tree);
    }
}
