package io.closedloop.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one bundle in every supported language, read once from {@code .properties} files (UTF-8) on the class
 * path: {@code <base>.properties} is English, {@code <base>_fr.properties} French. Loaded at class initialisation
 * by whoever holds the bundle, so the SnapStart snapshot holds the tables and a request only does map lookups.
 */
public final class MessageBundle {

    /** The languages every bundle has, English first (the fallback). */
    public static final List<String> LANGUAGES = List.of("en", "fr");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final String baseName;
    private final Map<String, Map<String, String>> tables;

    private MessageBundle(String baseName, Map<String, Map<String, String>> tables) {
        this.baseName = baseName;
        this.tables = tables;
    }

    /**
     * @param baseName the resource path without language and extension, e.g. {@code io/closedloop/webui/messages}
     * @throws IllegalStateException when a language's file is missing or not UTF-8
     */
    public static MessageBundle load(String baseName) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String resource = baseName + (language.equals("en") ? "" : "_" + language) + ".properties";
            tables.put(language, read(resource));
        }
        return new MessageBundle(baseName, Collections.unmodifiableMap(tables));
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = MessageBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message bundle " + resource + " is not on the class path");
            }
            // Strict UTF-8: a file saved in Latin-1 fails here instead of showing garbled accents
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            PropertyResourceBundle bundle = new PropertyResourceBundle(reader);
            Map<String, String> table = new LinkedHashMap<>();
            for (String key : new TreeSet<>(bundle.keySet())) {
                table.put(key, bundle.getString(key));
            }
            return Collections.unmodifiableMap(table);
        } catch (IOException e) {
            throw new UncheckedIOException("message bundle " + resource + " could not be read", e);
        }
    }

    public String baseName() {
        return baseName;
    }

    /** The texts of one language of {@link #LANGUAGES}. */
    public Map<String, String> table(String language) {
        Map<String, String> table = tables.get(language);
        if (table == null) {
            throw new IllegalArgumentException("unsupported language " + language);
        }
        return table;
    }

    /**
     * What is wrong with the bundle: a key one language has and another lacks, or a text whose placeholders
     * ({@code {0}}, {@code {1}}…) differ from the English one. Empty when every language is complete.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> allKeys = new TreeSet<>();
        tables.values().forEach(t -> allKeys.addAll(t.keySet()));
        Map<String, String> english = table("en");
        for (String key : allKeys) {
            for (String language : LANGUAGES) {
                String text = table(language).get(key);
                if (text == null) {
                    problems.add(baseName + ": " + language + " lacks " + key);
                } else if (english.containsKey(key) && !placeholders(text).equals(placeholders(english.get(key)))) {
                    problems.add(baseName + ": " + language + " " + key + " has placeholders " + placeholders(text)
                            + ", English has " + placeholders(english.get(key)));
                }
            }
        }
        return problems;
    }

    /** The placeholder numbers a text uses, each once, in order. */
    static Set<Integer> placeholders(String text) {
        Set<Integer> numbers = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }
}
