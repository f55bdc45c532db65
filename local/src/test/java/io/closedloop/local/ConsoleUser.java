package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person using the console over HTTP against the local stack, with their own cookie jar (Java's CookieManager
 * will not send Secure cookies to http://localhost; browsers do). Signs in the way a person does: the form, the email
 * in the outbox, the link's page, its button.
 */
final class ConsoleUser {

    static final Pattern SIGN_IN_LINK = Pattern.compile("(http://localhost:\\d+/console/sign-in/[A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** An answer: status, body, Location, the raw Set-Cookie headers. */
    record Page(int status, String body, String location, List<String> setCookies, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /**
         * What a browser submits for the form with this id, in page order: text and hidden inputs, ticked checkboxes,
         * each select's selected option (else its first), textareas.
         */
        Map<String, String> form(String id) {
            Matcher form = Pattern.compile("<form [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(body);
            assertThat(form.find()).as("form %s on the page", id).isTrue();
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = Pattern.compile("<input type=\"(text|hidden|checkbox|time)\"[^>]*? name=\"([^\"]+)\" value=\"([^\"]*)\"([^>]*)>"
                    + "|<select [^>]*name=\"([^\"]+)\">(.*?)</select>|<textarea [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
                    .matcher(form.group(1));
            while (field.find()) {
                if (field.group(2) != null && (!field.group(1).equals("checkbox") || field.group(4).contains("checked"))) {
                    fields.put(unescape(field.group(2)), unescape(field.group(3)));
                } else if (field.group(5) != null) {
                    Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(field.group(6));
                    Matcher first = Pattern.compile("<option value=\"([^\"]*)\"").matcher(field.group(6));
                    fields.put(unescape(field.group(5)), unescape(selected.find() ? selected.group(1) : first.find() ? first.group(1) : ""));
                } else if (field.group(7) != null) {
                    fields.put(unescape(field.group(7)), unescape(field.group(8)));
                }
            }
            return fields;
        }

        private static String unescape(String html) {
            return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                    .replace("&amp;", "&");
        }

        /** The value of the first input named {@code name}. */
        String input(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            assertThat(m.find()).as("input %s on the page", name).isTrue();
            return m.group(1);
        }
    }

    private final LocalStack stack;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    ConsoleUser(LocalStack stack) {
        this.stack = stack;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).GET());
    }

    /** A form POST of these fields, as the page sends it. */
    Page post(String path, Map<String, String> fields) {
        return post(path, fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    /** A form POST as the page sends it: same origin, url-encoded fields in pairs. */
    Page post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A {@code multipart/form-data} POST as a browser sends a form with a file: the fields, then the file's part. */
    Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "----ClosedloopTestBoundary" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/calendar\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .header("sec-fetch-site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Asks for a link, takes it from the outbox, opens it and presses "Sign in"; returns the answer to that press. */
    Page signIn(String email) {
        int before = stack.outbox().messages().size();
        Page form = get("/console/sign-in");
        assertThat(post("/console/sign-in", "csrf", form.input("csrf"), "email", email).status()).isEqualTo(200);
        String link = signInLink(email, before);
        Page confirm = get(URI.create(link).getPath());
        assertThat(confirm.status()).isEqualTo(200);
        return post(URI.create(link).getPath(), "csrf", confirm.input("csrf"));
    }

    /** Opens a sign-in link in a fresh browser and presses its button (for a link already used elsewhere). */
    Page signInWithLinkOnly(String linkPath) {
        Page confirm = get(linkPath);
        return post(linkPath, "csrf", confirm.input("csrf"));
    }

    /** The newest sign-in link mailed to {@code email} since the outbox held {@code before} messages. */
    String signInLink(String email, int before) {
        List<Outbox.Message> messages = stack.outbox().messages();
        for (int i = messages.size() - 1; i >= before; i--) {
            Outbox.Message message = messages.get(i);
            Matcher m = SIGN_IN_LINK.matcher(message.text());
            if (message.to().equals(email) && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no sign-in link mailed to " + email);
    }

    boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("set-cookie");
            for (String setCookie : setCookies) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("location").orElse(null), setCookies,
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the sample detractor through the demo source, signed; waits for its case; returns nothing (read it from the queue). */
    static void postDetractor(LocalStack stack, String customerName) {
        try {
            String sample = Files.readString(Project.root().resolve("events/webhook-generic-detractor.json"))
                    .replace("Mariana Costa", customerName);
            byte[] body = LocalPages.freshSample(sample, Instant.now()).getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/" + DemoConfiguration.SOURCE_ID))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, Instant.now(),
                    "msg_" + UUID.randomUUID().toString().replace("-", "")).forEach((name, value) -> {
                        if (!name.equals("content-type")) {
                            post.header(name, value);
                        }
                    });
            assertThat(HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
            assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
