package io.closedloop.config;

import io.closedloop.domain.Category;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether and when a campaign thanks the respondent for their answer (docs/customer-loop.md): a delay per NPS
 * category (null: that category gets none), the company name the message signs with, the language used when the
 * respondent's is not offered, and the campaign's own wording per language (the built-in wording otherwise).
 *
 * @param detractorMinutes minutes after the case opens; long enough for a fast human reply to replace it
 */
public record Acknowledgement(
        Integer detractorMinutes,
        Integer passiveMinutes,
        Integer promoterMinutes,
        String company,
        String defaultLocale,
        List<MailTemplate> templates) {

    public static final int MAX_DELAY_MINUTES = 7 * 24 * 60;
    public static final int MAX_TEMPLATES = 12;

    public Acknowledgement {
        templates = templates == null ? List.of() : List.copyOf(templates);
        defaultLocale = defaultLocale == null || defaultLocale.isBlank() ? "en" : defaultLocale;
    }

    /** After how long a response of this category is acknowledged; empty when it is not. */
    public Optional<Duration> delay(Category category) {
        Integer minutes = switch (category) {
            case DETRACTOR -> detractorMinutes;
            case PASSIVE -> passiveMinutes;
            case PROMOTER -> promoterMinutes;
        };
        return Optional.ofNullable(minutes).map(Duration::ofMinutes);
    }

    /**
     * The campaign's wording for this language and category: one written for the category first, then one for every
     * category; empty when the campaign wrote none (the built-in wording applies).
     */
    public Optional<MailTemplate> template(String language, Category category) {
        String wanted = language.toLowerCase(Locale.ROOT);
        return templates.stream().filter(t -> t.locale().equalsIgnoreCase(wanted) && t.category() == category).findFirst()
                .or(() -> templates.stream().filter(t -> t.locale().equalsIgnoreCase(wanted) && t.category() == null).findFirst());
    }

    /**
     * One message a campaign writes to its respondents. Placeholders: {@code {firstName}}, {@code {company}},
     * {@code {owner}} (the case owner's name); everything else is text, and customer values are escaped in the HTML.
     *
     * @param category null for every category
     */
    public record MailTemplate(String locale, Category category, String subject, String body) {}
}
