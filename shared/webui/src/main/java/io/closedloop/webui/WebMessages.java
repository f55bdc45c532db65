package io.closedloop.webui;

import io.closedloop.cases.CaseError;
import io.closedloop.config.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the responder pages, in English and French, from message bundles ({@link MessageBundle}). The
 * language is the responder's when it is one of these, else the browser's preferred one among them
 * (Accept-Language), else English. {@code {0}}-style placeholders are filled by {@link #t}; a key missing from
 * French falls back to English, a key missing altogether shows itself (the bundle tests catch both).
 */
public final class WebMessages {

    private static final List<String> SUPPORTED = MessageBundle.LANGUAGES;
    /** The case page's own bundle: {@code io/closedloop/webui/messages*.properties}. */
    public static final MessageBundle BUNDLE = MessageBundle.load("io/closedloop/webui/messages");
    private static final Family CASE_PAGE = new Family(List.of(BUNDLE));

    /**
     * The messages of one set of bundles in each language, merged once: a function whose pages need more words than
     * the case page (the console) builds its family at class initialisation, so no request merges or reads a file.
     */
    public static final class Family {
        private final Map<String, WebMessages> byLanguage = new HashMap<>();

        private Family(List<MessageBundle> bundles) {
            Map<String, String> english = merged(bundles, "en");
            for (String language : SUPPORTED) {
                byLanguage.put(language, new WebMessages(merged(bundles, language), english, Locale.forLanguageTag(language)));
            }
        }

        private static Map<String, String> merged(List<MessageBundle> bundles, String language) {
            Map<String, String> table = new HashMap<>();
            bundles.forEach(b -> table.putAll(b.table(language)));
            return Map.copyOf(table);
        }

        /** English or French, from a language tag ("fr", "fr-CA", "en-GB"); anything else is English. */
        public WebMessages of(String languageTag) {
            String supported = supported(languageTag);
            return byLanguage.get(supported == null ? "en" : supported);
        }

        /** The responder's language when supported, else the browser's preferred supported one, else English. */
        public WebMessages choose(Responder responder, String acceptLanguage) {
            String own = responder == null ? null : supported(responder.locale());
            return of(own != null ? own : preferred(acceptLanguage));
        }
    }

    private final Map<String, String> table;
    private final Map<String, String> english;
    private final Locale locale;

    private WebMessages(Map<String, String> table, Map<String, String> english, Locale locale) {
        this.table = table;
        this.english = english;
        this.locale = locale;
    }

    /** The case page's words and, on top, those of {@code more} (a later bundle wins on a shared key). */
    public static Family family(MessageBundle... more) {
        List<MessageBundle> bundles = new ArrayList<>();
        bundles.add(BUNDLE);
        bundles.addAll(List.of(more));
        return new Family(bundles);
    }

    /** English or French, from a language tag ("fr", "fr-CA", "en-GB"); anything else is English. */
    public static WebMessages of(String languageTag) {
        return CASE_PAGE.of(languageTag);
    }

    /** The responder's language when supported, else the browser's preferred supported one, else English. */
    public static WebMessages choose(Responder responder, String acceptLanguage) {
        return CASE_PAGE.choose(responder, acceptLanguage);
    }

    /** The best supported language of an Accept-Language header, or null. */
    static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return null;
        }
        try {
            return Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String supported(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(languageTag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? language : null;
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean has(String key) {
        return table.containsKey(key) || english.containsKey(key);
    }

    public String t(String key, Object... args) {
        String pattern = table.getOrDefault(key, english.getOrDefault(key, key));
        for (int i = 0; i < args.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return pattern;
    }

    /** A command's refusal in this language; the domain's English message when the code is new to this page. */
    public String error(CaseError error) {
        String key = "error." + error.code();
        return has(key) ? t(key) : error.message();
    }

    /** The text with its first letter in upper case: a refusal reads "Not saved: choose…" in the banner, "Choose…" alone. */
    public String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(text.substring(Character.charCount(first))).toString();
    }

    public String status(String statusName) {
        return statusName == null ? "–" : t("status." + statusName);
    }

    public String priority(String priorityName) {
        return priorityName == null ? "–" : t("priority." + priorityName);
    }

    public String target(String slug) {
        return slug == null ? "?" : t("target." + slug);
    }

    /** A length of time as people say it: minutes under an hour, hours (and minutes) under three days, else days. */
    public String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return t("duration.minutes", minutes);
        }
        long hours = minutes / 60;
        if (hours < 10 && minutes % 60 != 0) {
            return t("duration.hoursMinutes", hours, minutes % 60);
        }
        if (hours < 72) {
            return t("duration.hours", hours);
        }
        return t("duration.daysHours", hours / 24, hours % 24);
    }
}
