package io.closedloop.text;

import java.util.Locale;
import java.util.Map;

/**
 * User-facing text in English and French, looked up by key; a missing translation falls back to English, a
 * missing key shows itself (so a test can catch it). {@code {0}}-style placeholders are filled by {@link #t}.
 */
public final class Messages {

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("alert.subject", "{0} {1}: follow up by {2}"),
            Map.entry("alert.intro", "A customer needs a follow-up. You are responsible for this case."),
            Map.entry("alert.reminder.subject", "Reminder: case due {0}"),
            Map.entry("alert.reminder.intro", "This case is due soon and has not been handled yet."),
            Map.entry("alert.escalation.subject", "Escalation: case overdue since {0}"),
            Map.entry("alert.escalation.intro", "This case is past its target. You receive it as part of the escalation chain."),
            Map.entry("alert.open", "Open the case"),
            Map.entry("alert.linkNote", "The link is personal and expires on {0}. Do not forward it."),
            Map.entry("score", "Score"),
            Map.entry("comment", "Comment"),
            Map.entry("noComment", "No comment"),
            Map.entry("customer", "Customer"),
            Map.entry("deadline", "Follow up by"),
            Map.entry("priority", "Priority"),
            Map.entry("category.DETRACTOR", "Detractor"),
            Map.entry("category.PASSIVE", "Passive"),
            Map.entry("category.PROMOTER", "Promoter"),
            Map.entry("anonymous", "Anonymous"),
            Map.entry("alert.reopened.subject", "Not resolved, says the customer: case reopened"),
            Map.entry("alert.reopened.intro", "The customer answered the check-in after this case closed: the issue is not resolved. The case is open again and yours."),
            Map.entry("checkin.subject", "Was your issue resolved?"),
            Map.entry("checkin.greeting", "Hello {0},"),
            Map.entry("checkin.greetingAnonymous", "Hello,"),
            Map.entry("checkin.body", "We followed up on the feedback you gave us and closed your case. Was your issue resolved? One click tells us; if it is not, we pick it up again."),
            Map.entry("checkin.answer", "Answer the question"),
            Map.entry("checkin.linkNote", "The link works once and expires on {0}."),
            Map.entry("checkin.signature", "Thank you for your time."),
            Map.entry("ack.greeting", "Hello {firstName},"),
            Map.entry("ack.subject.DETRACTOR", "We read your feedback"),
            Map.entry("ack.body.DETRACTOR", "Thank you for telling us about your experience, and we are sorry it fell short. {owner} is looking into it and will get back to you."),
            Map.entry("ack.subject.PASSIVE", "Thank you for your feedback"),
            Map.entry("ack.body.PASSIVE", "Thank you for your answer. We read every one, and yours helps us decide what to improve next."),
            Map.entry("ack.subject.PROMOTER", "Thank you!"),
            Map.entry("ack.body.PROMOTER", "Thank you for your kind words. We are glad you are happy with us, and we have shared your feedback with the team."),
            Map.entry("ack.signature", "The {company} team"),
            Map.entry("ack.ownerUnknown", "Someone from our team"),
            Map.entry("message.replyNote", "You can answer this email directly."),
            Map.entry("optout.footer", "You received this email because you answered one of our surveys. No more emails:"),
            Map.entry("optout.link", "unsubscribe"));

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("alert.subject", "{0} {1} : à traiter avant le {2}"),
            Map.entry("alert.intro", "Un client attend un retour. Vous êtes responsable de ce dossier."),
            Map.entry("alert.reminder.subject", "Rappel : dossier à traiter avant le {0}"),
            Map.entry("alert.reminder.intro", "Ce dossier arrive bientôt à échéance et n'a pas encore été traité."),
            Map.entry("alert.escalation.subject", "Escalade : dossier en retard depuis le {0}"),
            Map.entry("alert.escalation.intro", "Ce dossier a dépassé son objectif. Vous le recevez au titre de l'escalade."),
            Map.entry("alert.open", "Ouvrir le dossier"),
            Map.entry("alert.linkNote", "Ce lien est personnel et expire le {0}. Ne le transférez pas."),
            Map.entry("score", "Note"),
            Map.entry("comment", "Commentaire"),
            Map.entry("noComment", "Pas de commentaire"),
            Map.entry("customer", "Client"),
            Map.entry("deadline", "À traiter avant le"),
            Map.entry("priority", "Priorité"),
            Map.entry("category.DETRACTOR", "Détracteur"),
            Map.entry("category.PASSIVE", "Passif"),
            Map.entry("category.PROMOTER", "Promoteur"),
            Map.entry("anonymous", "Anonyme"),
            Map.entry("alert.reopened.subject", "Non résolu, selon le client : dossier rouvert"),
            Map.entry("alert.reopened.intro", "Le client a répondu au suivi envoyé après la clôture : le problème n'est pas résolu. Le dossier est rouvert et vous revient."),
            Map.entry("checkin.subject", "Votre problème est-il résolu ?"),
            Map.entry("checkin.greeting", "Bonjour {0},"),
            Map.entry("checkin.greetingAnonymous", "Bonjour,"),
            Map.entry("checkin.body", "Nous avons donné suite à votre avis et clôturé votre dossier. Votre problème est-il résolu ? Un clic suffit pour nous le dire ; s'il ne l'est pas, nous le reprenons."),
            Map.entry("checkin.answer", "Répondre à la question"),
            Map.entry("checkin.linkNote", "Le lien ne sert qu'une fois et expire le {0}."),
            Map.entry("checkin.signature", "Merci de votre temps."),
            Map.entry("ack.greeting", "Bonjour {firstName},"),
            Map.entry("ack.subject.DETRACTOR", "Nous avons lu votre avis"),
            Map.entry("ack.body.DETRACTOR", "Merci de nous avoir fait part de votre expérience, et toutes nos excuses pour ce qui n'a pas été à la hauteur. {owner} s'en occupe et reviendra vers vous."),
            Map.entry("ack.subject.PASSIVE", "Merci de votre avis"),
            Map.entry("ack.body.PASSIVE", "Merci de votre réponse. Nous les lisons toutes, et la vôtre nous aide à choisir quoi améliorer."),
            Map.entry("ack.subject.PROMOTER", "Merci !"),
            Map.entry("ack.body.PROMOTER", "Merci pour vos mots aimables. Nous sommes heureux que vous soyez satisfait, et nous avons transmis votre avis à l'équipe."),
            Map.entry("ack.signature", "L'équipe {company}"),
            Map.entry("ack.ownerUnknown", "Quelqu'un de notre équipe"),
            Map.entry("message.replyNote", "Vous pouvez répondre directement à cet e-mail."),
            Map.entry("optout.footer", "Vous recevez cet e-mail parce que vous avez répondu à l'une de nos enquêtes. Ne plus recevoir d'e-mails :"),
            Map.entry("optout.link", "se désabonner"));

    private final Map<String, String> table;
    private final Locale locale;

    private Messages(Map<String, String> table, Locale locale) {
        this.table = table;
        this.locale = locale;
    }

    /** Messages for a locale tag such as "fr", "fr-CA" or "en-GB"; anything not French is English. */
    public static Messages of(String localeTag) {
        Locale locale = localeTag == null ? Locale.ENGLISH : Locale.forLanguageTag(localeTag);
        return "fr".equals(locale.getLanguage()) ? new Messages(FR, Locale.FRENCH) : new Messages(EN, Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    public String t(String key, Object... args) {
        String pattern = table.getOrDefault(key, EN.getOrDefault(key, key));
        for (int i = 0; i < args.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return pattern;
    }
}
