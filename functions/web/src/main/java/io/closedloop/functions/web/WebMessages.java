package io.closedloop.functions.web;

import io.closedloop.cases.CaseError;
import io.closedloop.config.Responder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of the responder pages, in English and French. The language is the responder's when it is one of
 * these, else the browser's preferred one among them (Accept-Language), else English. {@code {0}}-style
 * placeholders are filled by {@link #t}; a key missing from French falls back to English, a key missing altogether
 * shows itself (the tests catch it).
 */
public final class WebMessages {

    private static final List<String> SUPPORTED = List.of("en", "fr");

    private static final Map<String, String> EN = Map.ofEntries(
            // page frame
            Map.entry("page.caseTitle", "Case – {0}"),
            Map.entry("page.zone", "Times are shown in {0}."),
            Map.entry("page.readOnly", "You can read this case, but you do not have the right to respond to cases. Ask your CX administrator if you should."),
            // dashboard
            Map.entry("dashboard.title", "Closed-loop dashboard"),
            Map.entry("dashboard.signInIntro", "Sign in with an API key that may read reports."),
            Map.entry("dashboard.apiKey", "API key"),
            Map.entry("dashboard.signIn", "Sign in"),
            Map.entry("dashboard.badKey", "This key is not valid or may not read reports."),
            Map.entry("dashboard.campaign", "Campaign"),
            Map.entry("dashboard.period", "Period"),
            Map.entry("dashboard.lastDays", "Last {0} days"),
            Map.entry("dashboard.show", "Show"),
            Map.entry("dashboard.goal", "Goal: {0} resolved within {1}"),
            Map.entry("dashboard.responses", "Responses"),
            Map.entry("dashboard.cases", "Cases"),
            Map.entry("dashboard.opened", "Opened"),
            Map.entry("dashboard.closed", "Closed"),
            Map.entry("dashboard.openNow", "Open now"),
            Map.entry("dashboard.breaches", "Breaches"),
            Map.entry("dashboard.firstResponseWithin", "First response within target"),
            Map.entry("dashboard.resolvedWithin", "Resolved within target"),
            Map.entry("dashboard.withinGoal", "Resolved within goal"),
            Map.entry("dashboard.firstResponseMedian", "Time to first response (median)"),
            Map.entry("dashboard.firstResponseP90", "Time to first response (90th pct.)"),
            Map.entry("dashboard.closeMedian", "Time to close (median)"),
            Map.entry("dashboard.closeP90", "Time to close (90th pct.)"),
            Map.entry("dashboard.reopenRate", "Reopen rate"),
            Map.entry("dashboard.firstTimeResolution", "First-time resolution"),
            Map.entry("dashboard.byAssignee", "By assignee"),
            Map.entry("dashboard.byTeam", "By team"),
            Map.entry("dashboard.byRootCause", "By root cause"),
            Map.entry("dashboard.team", "Team"),
            Map.entry("dashboard.none", "None"),
            Map.entry("dashboard.noCampaign.title", "No campaign to show"),
            Map.entry("dashboard.noCampaign.body", "This API key may not see any campaign."),
            Map.entry("page.footer", "Closedloop – keep this page to yourself: it shows customer details."),
            // sections
            Map.entry("section.feedback", "Feedback"),
            Map.entry("section.customer", "Customer"),
            Map.entry("section.earlierCases", "Other cases of this customer"),
            Map.entry("section.sla", "Deadlines"),
            Map.entry("section.actions", "Actions"),
            Map.entry("section.note", "Add a note"),
            Map.entry("section.reopen", "Reopen the case"),
            Map.entry("section.more", "Owner, priority and root cause"),
            Map.entry("section.timeline", "Activities"),
            // summary
            Map.entry("case.status", "Status"),
            Map.entry("case.priority", "Priority"),
            Map.entry("case.assignee", "Assigned to"),
            Map.entry("case.openedAt", "Opened"),
            Map.entry("case.plan", "Action plan"),
            Map.entry("case.exitState", "Exit state"),
            Map.entry("case.rootCause", "Root cause"),
            Map.entry("case.rule", "Opened by rule"),
            Map.entry("case.unassigned", "Nobody"),
            Map.entry("case.submittedAt", "Answered on {0}"),
            Map.entry("case.noComment", "The customer left no comment."),
            Map.entry("case.noEarlierCases", "No other case for this customer."),
            Map.entry("case.noActivity", "Nothing recorded yet."),
            Map.entry("case.planClosed", "The action plan is closed: no new action can be taken."),
            Map.entry("score.scale", "/ {0} · {1}"),
            Map.entry("category.DETRACTOR", "Detractor"),
            Map.entry("category.PASSIVE", "Passive"),
            Map.entry("category.PROMOTER", "Promoter"),
            Map.entry("status.OPEN", "Open"),
            Map.entry("status.IN_PROGRESS", "In progress"),
            Map.entry("status.CLOSED", "Closed"),
            Map.entry("priority.LOW", "Low"),
            Map.entry("priority.NORMAL", "Normal"),
            Map.entry("priority.HIGH", "High"),
            Map.entry("priority.URGENT", "Urgent"),
            // customer
            Map.entry("customer.anonymous", "Anonymous customer"),
            Map.entry("customer.email", "Email"),
            Map.entry("customer.phone", "Phone"),
            Map.entry("attribute.segment", "Segment"),
            Map.entry("attribute.store", "Store"),
            Map.entry("attribute.country", "Country"),
            Map.entry("attribute.accountValue", "Account value"),
            Map.entry("attribute.plan", "Plan"),
            Map.entry("earlier.score", "Score {0}"),
            // SLA
            Map.entry("sla.title", "Deadlines"),
            Map.entry("sla.firstResponse", "First response"),
            Map.entry("sla.resolution", "Resolution"),
            Map.entry("sla.noClock", "No deadline applies to this case."),
            Map.entry("sla.noTarget", "No target"),
            Map.entry("sla.done", "Done on {0}"),
            Map.entry("sla.met", "Met on {0}"),
            Map.entry("sla.metLate", "Met, {0} late"),
            Map.entry("sla.dueIn", "Due in {0}"),
            Map.entry("sla.overdueBy", "Overdue by {0}"),
            Map.entry("sla.deadline", "Deadline: {0}"),
            Map.entry("target.first-response", "First response"),
            Map.entry("target.resolution", "Resolution"),
            Map.entry("duration.minutes", "{0} min"),
            Map.entry("duration.hours", "{0} h"),
            Map.entry("duration.hoursMinutes", "{0} h {1} min"),
            Map.entry("duration.daysHours", "{0} d {1} h"),
            // timeline
            Map.entry("actor.system", "Closedloop"),
            Map.entry("actor.api", "Integration ({0})"),
            Map.entry("timeline.CASE_OPENED", "Case opened"),
            Map.entry("timeline.rule", "Rule: {0}"),
            Map.entry("timeline.CASE_ASSIGNED", "Assigned to {0}"),
            Map.entry("timeline.CASE_REASSIGNED", "Reassigned from {0} to {1}"),
            Map.entry("timeline.WATCHER_ADDED", "Watcher added"),
            Map.entry("timeline.ACTION_TAKEN", "{0}: {1}"),
            Map.entry("timeline.actionCompleted", "Action completed"),
            Map.entry("timeline.NOTE_ADDED", "Note"),
            Map.entry("timeline.ROOT_CAUSE_SET", "Root cause: {0}"),
            Map.entry("timeline.before", "Before: {0}"),
            Map.entry("timeline.PRIORITY_CHANGED", "Priority changed from {0} to {1}"),
            Map.entry("timeline.CASE_CLOSED", "Case closed"),
            Map.entry("timeline.exitState", "Exit state: {0}"),
            Map.entry("timeline.CASE_REOPENED", "Case reopened"),
            Map.entry("timeline.ALERT_SENT", "Email sent to {0}"),
            Map.entry("timeline.ALERT_FAILED", "Email to {0} could not be sent"),
            Map.entry("timeline.retryAt", "Next attempt: {0}"),
            Map.entry("timeline.SLA_REMINDER", "Reminder: {0} due {1}"),
            Map.entry("timeline.SLA_BREACHED", "{0} target missed"),
            Map.entry("timeline.ESCALATED", "Escalated (level {0})"),
            Map.entry("timeline.ESCALATED_TO", "Escalated (level {0}) to {1}"),
            Map.entry("timeline.LINKS_REVOKED", "Links to this case withdrawn"),
            Map.entry("timeline.status", "Status: {0} → {1}"),
            // forms
            Map.entry("form.status", "Status"),
            Map.entry("form.chooseStatus", "Choose a status…"),
            Map.entry("form.statusCompletes", "{0} (completes the action)"),
            Map.entry("form.comment", "Comment (optional)"),
            Map.entry("form.closePlanQuestion", "Close the action plan?"),
            Map.entry("form.closePlanHint", "Only asked when the status completes the action."),
            Map.entry("form.no", "No, keep the plan open"),
            Map.entry("form.yesClose", "Yes, close the plan and the case"),
            Map.entry("form.exitStateIfYes", "Exit state (when you close the plan)"),
            Map.entry("form.exitStateRequiredIfCompletes", "Exit state (required when the status completes the action: the plan and the case then close)"),
            Map.entry("form.chooseExitState", "Choose an exit state…"),
            Map.entry("form.takeAction", "Save this action"),
            Map.entry("form.closeTitle", "Close the action plan"),
            Map.entry("form.closeHint", "When the follow-up is done without a further action."),
            Map.entry("form.exitState", "Exit state"),
            Map.entry("form.close", "Close the plan and the case"),
            Map.entry("form.noteText", "Note"),
            Map.entry("form.addNote", "Add the note"),
            Map.entry("form.reason", "Reason (optional)"),
            Map.entry("form.reopen", "Reopen the case"),
            Map.entry("form.reassignTo", "Assign to"),
            Map.entry("form.reassign", "Reassign"),
            Map.entry("form.priority", "Priority"),
            Map.entry("form.setPriority", "Change the priority"),
            Map.entry("form.rootCause", "Root cause"),
            Map.entry("form.chooseRootCause", "Choose a root cause…"),
            Map.entry("form.setRootCause", "Set the root cause"),
            // outcomes of a request
            Map.entry("done.action", "Saved: the action is in the timeline."),
            Map.entry("done.close", "Saved: the case is closed."),
            Map.entry("done.note", "Saved: the note is in the timeline."),
            Map.entry("done.reassign", "Saved: the case is reassigned."),
            Map.entry("done.root-cause", "Saved: the root cause is set."),
            Map.entry("done.priority", "Saved: the priority is changed."),
            Map.entry("done.reopen", "Saved: the case is open again."),
            Map.entry("notice.refused", "Not saved: {0}"),
            Map.entry("notice.conflict", "Not saved: someone else changed this case while you were looking at it. Here it is as it is now (see Activities); if your change is still needed, do it again."),
            // pages that only tell something
            Map.entry("link.invalid.title", "This link cannot be opened"),
            Map.entry("link.invalid.body", "The link is not complete or not valid. It may have been cut when it was copied."),
            Map.entry("link.invalid.next", "Open the case from the button in the email you received, or ask your CX administrator for a new link."),
            Map.entry("link.expired.title", "This link has expired"),
            Map.entry("link.expired.body", "Links to a case only work for a limited time, and this one is too old."),
            Map.entry("link.expired.next", "Ask your CX administrator (or whoever assigned you the case) for a new link."),
            Map.entry("link.revoked.title", "This link is no longer valid"),
            Map.entry("link.revoked.body", "Access to this case through this link was withdrawn, for example because the case was handed over."),
            Map.entry("link.revoked.next", "If you still need the case, ask your CX administrator for a new link."),
            Map.entry("session.missing.title", "Open the case from your email"),
            Map.entry("session.missing.body", "This page only opens through the personal link in the email about the case."),
            Map.entry("session.missing.next", "Find the email and use its \"Open the case\" button. If you no longer have it, ask your CX administrator for a new link."),
            Map.entry("session.expired.title", "Your session has ended"),
            Map.entry("session.expired.body", "For safety, a case stays open in your browser for a few hours only."),
            Map.entry("session.expired.next", "Open the case again with the link in your email."),
            Map.entry("session.revoked.title", "Your access to this case was withdrawn"),
            Map.entry("session.revoked.body", "The links to this case were withdrawn, for example because the case was handed over."),
            Map.entry("session.revoked.next", "If you still need the case, ask your CX administrator for a new link."),
            Map.entry("request.crossSite.title", "Request refused"),
            Map.entry("request.crossSite.body", "This form was sent from another website, so nothing was changed."),
            Map.entry("request.crossSite.next", "Open the case from your email and use the forms on its page."),
            Map.entry("request.csrf.title", "This form has expired"),
            Map.entry("request.csrf.body", "The form did not come from your current case page, so nothing was changed."),
            Map.entry("request.csrf.next", "Go back to the case page, reload it and try again."),
            Map.entry("request.malformed.title", "The form could not be read"),
            Map.entry("request.malformed.body", "Something in the form was not as the case page sends it, so nothing was changed."),
            Map.entry("request.malformed.next", "Go back to the case page, reload it and try again."),
            Map.entry("request.tooLarge.title", "The form is too long"),
            Map.entry("request.tooLarge.body", "The text sent is longer than a case page accepts, so nothing was changed."),
            Map.entry("request.tooLarge.next", "Shorten the text (at most 4000 characters) and try again."),
            Map.entry("request.unsupported.title", "The form could not be read"),
            Map.entry("request.unsupported.body", "The case page only accepts its own forms, so nothing was changed."),
            Map.entry("request.notFound.title", "Page not found"),
            Map.entry("request.notFound.body", "There is no such page for this case."),
            Map.entry("request.notFound.next", "Go back to the case page."),
            Map.entry("case.gone.title", "This case is no longer available"),
            Map.entry("case.gone.body", "The case could not be found; it may have been removed."),
            // errors of the commands, by code
            Map.entry("error." + CaseError.NOT_ALLOWED, "you do not have the right to respond to cases."),
            Map.entry("error." + CaseError.NO_ACTION_PLAN, "this case has no action plan, so no action can be taken."),
            Map.entry("error." + CaseError.PLAN_CLOSED, "the action plan is closed: no new action can be taken."),
            Map.entry("error." + CaseError.CASE_CLOSED, "the case is closed: reopen it first."),
            Map.entry("error." + CaseError.CASE_NOT_CLOSED, "the case is not closed, so it cannot be reopened."),
            Map.entry("error." + CaseError.ACTION_REQUIRED, "choose an action."),
            Map.entry("error." + CaseError.UNKNOWN_ACTION, "the action plan has no such action."),
            Map.entry("error." + CaseError.ACTION_COMPLETED, "this action is completed and cannot be selected again."),
            Map.entry("error." + CaseError.STATUS_REQUIRED, "choose a status for the action."),
            Map.entry("error." + CaseError.STATUS_NOT_OF_ACTION, "this status is not one of the action's statuses."),
            Map.entry("error." + CaseError.COMMENT_NOT_ALLOWED, "this action does not take a comment."),
            Map.entry("error." + CaseError.CLOSE_CHOICE_REQUIRED, "say whether the action plan should close."),
            Map.entry("error." + CaseError.CLOSE_CHOICE_NOT_ALLOWED, "this action does not ask whether to close the plan."),
            Map.entry("error." + CaseError.ACTION_NOT_COMPLETED, "only a status that completes the action can close the plan."),
            Map.entry("error." + CaseError.EXIT_STATE_REQUIRED, "choose an exit state to close the plan."),
            Map.entry("error." + CaseError.EXIT_STATE_NOT_ALLOWED, "an exit state is only chosen when the plan closes."),
            Map.entry("error." + CaseError.UNKNOWN_EXIT_STATE, "the action plan has no such exit state."),
            Map.entry("error." + CaseError.NOTE_EMPTY, "write the note."),
            Map.entry("error." + CaseError.TEXT_TOO_LONG, "the text is too long (at most 4000 characters)."),
            Map.entry("error." + CaseError.RESPONDER_REQUIRED, "choose whom to assign the case to."),
            Map.entry("error." + CaseError.UNKNOWN_RESPONDER, "there is no such responder."),
            Map.entry("error." + CaseError.CANNOT_RESPOND, "this person does not have the right to respond to cases."),
            Map.entry("error." + CaseError.SAME_ASSIGNEE, "the case is already assigned to this person."),
            Map.entry("error." + CaseError.ROOT_CAUSE_REQUIRED, "choose a root cause."),
            Map.entry("error." + CaseError.UNKNOWN_ROOT_CAUSE, "there is no such root cause."),
            Map.entry("error." + CaseError.NOT_A_CAUSE, "choose a cause inside a category."),
            Map.entry("error." + CaseError.SAME_ROOT_CAUSE, "this is already the root cause."),
            Map.entry("error." + CaseError.PRIORITY_REQUIRED, "choose a priority."),
            Map.entry("error." + CaseError.SAME_PRIORITY, "the case already has this priority."));

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("page.caseTitle", "Dossier – {0}"),
            Map.entry("page.zone", "Heures affichées dans le fuseau {0}."),
            Map.entry("page.readOnly", "Vous pouvez consulter ce dossier, mais vous n'avez pas le droit de traiter les dossiers. Adressez-vous à votre administrateur CX si vous devriez l'avoir."),
            // dashboard
            Map.entry("dashboard.title", "Tableau de bord de la boucle client"),
            Map.entry("dashboard.signInIntro", "Connectez-vous avec une clé d'API autorisée à lire les rapports."),
            Map.entry("dashboard.apiKey", "Clé d'API"),
            Map.entry("dashboard.signIn", "Se connecter"),
            Map.entry("dashboard.badKey", "Cette clé n'est pas valide ou ne peut pas lire les rapports."),
            Map.entry("dashboard.campaign", "Campagne"),
            Map.entry("dashboard.period", "Période"),
            Map.entry("dashboard.lastDays", "{0} derniers jours"),
            Map.entry("dashboard.show", "Afficher"),
            Map.entry("dashboard.goal", "Objectif : {0} résolus en moins de {1}"),
            Map.entry("dashboard.responses", "Réponses"),
            Map.entry("dashboard.cases", "Dossiers"),
            Map.entry("dashboard.opened", "Ouverts"),
            Map.entry("dashboard.closed", "Clôturés"),
            Map.entry("dashboard.openNow", "Ouverts aujourd'hui"),
            Map.entry("dashboard.breaches", "Dépassements"),
            Map.entry("dashboard.firstResponseWithin", "Premier contact dans les délais"),
            Map.entry("dashboard.resolvedWithin", "Résolus dans les délais"),
            Map.entry("dashboard.withinGoal", "Résolus dans l'objectif"),
            Map.entry("dashboard.firstResponseMedian", "Délai de premier contact (médiane)"),
            Map.entry("dashboard.firstResponseP90", "Délai de premier contact (90e centile)"),
            Map.entry("dashboard.closeMedian", "Délai de clôture (médiane)"),
            Map.entry("dashboard.closeP90", "Délai de clôture (90e centile)"),
            Map.entry("dashboard.reopenRate", "Taux de réouverture"),
            Map.entry("dashboard.firstTimeResolution", "Résolution au premier passage"),
            Map.entry("dashboard.byAssignee", "Par responsable"),
            Map.entry("dashboard.byTeam", "Par équipe"),
            Map.entry("dashboard.byRootCause", "Par cause"),
            Map.entry("dashboard.team", "Équipe"),
            Map.entry("dashboard.none", "Aucun"),
            Map.entry("dashboard.noCampaign.title", "Aucune campagne à afficher"),
            Map.entry("dashboard.noCampaign.body", "Cette clé d'API ne donne accès à aucune campagne."),
            Map.entry("page.footer", "Closedloop – gardez cette page pour vous : elle montre des données client."),
            Map.entry("section.feedback", "Avis"),
            Map.entry("section.customer", "Client"),
            Map.entry("section.earlierCases", "Autres dossiers de ce client"),
            Map.entry("section.sla", "Échéances"),
            Map.entry("section.actions", "Actions"),
            Map.entry("section.note", "Ajouter une note"),
            Map.entry("section.reopen", "Rouvrir le dossier"),
            Map.entry("section.more", "Responsable, priorité et cause"),
            Map.entry("section.timeline", "Activités"),
            Map.entry("case.status", "Statut"),
            Map.entry("case.priority", "Priorité"),
            Map.entry("case.assignee", "Attribué à"),
            Map.entry("case.openedAt", "Ouvert le"),
            Map.entry("case.plan", "Plan d'action"),
            Map.entry("case.exitState", "État de sortie"),
            Map.entry("case.rootCause", "Cause"),
            Map.entry("case.rule", "Ouvert par la règle"),
            Map.entry("case.unassigned", "Personne"),
            Map.entry("case.submittedAt", "Réponse du {0}"),
            Map.entry("case.noComment", "Le client n'a pas laissé de commentaire."),
            Map.entry("case.noEarlierCases", "Aucun autre dossier pour ce client."),
            Map.entry("case.noActivity", "Rien d'enregistré pour l'instant."),
            Map.entry("case.planClosed", "Le plan d'action est clôturé : aucune nouvelle action n'est possible."),
            Map.entry("score.scale", "/ {0} · {1}"),
            Map.entry("category.DETRACTOR", "Détracteur"),
            Map.entry("category.PASSIVE", "Passif"),
            Map.entry("category.PROMOTER", "Promoteur"),
            Map.entry("status.OPEN", "Ouvert"),
            Map.entry("status.IN_PROGRESS", "En cours"),
            Map.entry("status.CLOSED", "Clôturé"),
            Map.entry("priority.LOW", "Basse"),
            Map.entry("priority.NORMAL", "Normale"),
            Map.entry("priority.HIGH", "Haute"),
            Map.entry("priority.URGENT", "Urgente"),
            Map.entry("customer.anonymous", "Client anonyme"),
            Map.entry("customer.email", "E-mail"),
            Map.entry("customer.phone", "Téléphone"),
            Map.entry("attribute.segment", "Segment"),
            Map.entry("attribute.store", "Magasin"),
            Map.entry("attribute.country", "Pays"),
            Map.entry("attribute.accountValue", "Valeur du compte"),
            Map.entry("attribute.plan", "Offre"),
            Map.entry("earlier.score", "Note {0}"),
            Map.entry("sla.title", "Échéances"),
            Map.entry("sla.firstResponse", "Premier contact"),
            Map.entry("sla.resolution", "Résolution"),
            Map.entry("sla.noClock", "Aucune échéance ne s'applique à ce dossier."),
            Map.entry("sla.noTarget", "Pas d'objectif"),
            Map.entry("sla.done", "Fait le {0}"),
            Map.entry("sla.met", "Respectée le {0}"),
            Map.entry("sla.metLate", "Tenue avec {0} de retard"),
            Map.entry("sla.dueIn", "À faire dans {0}"),
            Map.entry("sla.overdueBy", "En retard de {0}"),
            Map.entry("sla.deadline", "Échéance : {0}"),
            Map.entry("target.first-response", "Premier contact"),
            Map.entry("target.resolution", "Résolution"),
            Map.entry("duration.minutes", "{0} min"),
            Map.entry("duration.hours", "{0} h"),
            Map.entry("duration.hoursMinutes", "{0} h {1} min"),
            Map.entry("duration.daysHours", "{0} j {1} h"),
            Map.entry("actor.system", "Closedloop"),
            Map.entry("actor.api", "Intégration ({0})"),
            Map.entry("timeline.CASE_OPENED", "Dossier ouvert"),
            Map.entry("timeline.rule", "Règle : {0}"),
            Map.entry("timeline.CASE_ASSIGNED", "Attribué à {0}"),
            Map.entry("timeline.CASE_REASSIGNED", "Réattribué de {0} à {1}"),
            Map.entry("timeline.WATCHER_ADDED", "Observateur ajouté"),
            Map.entry("timeline.ACTION_TAKEN", "{0} : {1}"),
            Map.entry("timeline.actionCompleted", "Action terminée"),
            Map.entry("timeline.NOTE_ADDED", "Note"),
            Map.entry("timeline.ROOT_CAUSE_SET", "Cause : {0}"),
            Map.entry("timeline.before", "Avant : {0}"),
            Map.entry("timeline.PRIORITY_CHANGED", "Priorité changée de {0} à {1}"),
            Map.entry("timeline.CASE_CLOSED", "Dossier clôturé"),
            Map.entry("timeline.exitState", "État de sortie : {0}"),
            Map.entry("timeline.CASE_REOPENED", "Dossier rouvert"),
            Map.entry("timeline.ALERT_SENT", "E-mail envoyé à {0}"),
            Map.entry("timeline.ALERT_FAILED", "L'e-mail à {0} n'a pas pu partir"),
            Map.entry("timeline.retryAt", "Nouvel essai : {0}"),
            Map.entry("timeline.SLA_REMINDER", "Rappel : {0} à faire avant le {1}"),
            Map.entry("timeline.SLA_BREACHED", "Objectif manqué : {0}"),
            Map.entry("timeline.ESCALATED", "Escaladé (niveau {0})"),
            Map.entry("timeline.ESCALATED_TO", "Escaladé (niveau {0}) à {1}"),
            Map.entry("timeline.LINKS_REVOKED", "Liens vers ce dossier retirés"),
            Map.entry("timeline.status", "Statut : {0} → {1}"),
            Map.entry("form.status", "Statut"),
            Map.entry("form.chooseStatus", "Choisissez un statut…"),
            Map.entry("form.statusCompletes", "{0} (termine l'action)"),
            Map.entry("form.comment", "Commentaire (facultatif)"),
            Map.entry("form.closePlanQuestion", "Clôturer le plan d'action ?"),
            Map.entry("form.closePlanHint", "Seulement quand le statut termine l'action."),
            Map.entry("form.no", "Non, garder le plan ouvert"),
            Map.entry("form.yesClose", "Oui, clôturer le plan et le dossier"),
            Map.entry("form.exitStateIfYes", "État de sortie (si vous clôturez le plan)"),
            Map.entry("form.exitStateRequiredIfCompletes", "État de sortie (obligatoire quand le statut termine l'action : le plan et le dossier sont alors clôturés)"),
            Map.entry("form.chooseExitState", "Choisissez un état de sortie…"),
            Map.entry("form.takeAction", "Enregistrer cette action"),
            Map.entry("form.closeTitle", "Clôturer le plan d'action"),
            Map.entry("form.closeHint", "Quand le suivi est terminé sans autre action."),
            Map.entry("form.exitState", "État de sortie"),
            Map.entry("form.close", "Clôturer le plan et le dossier"),
            Map.entry("form.noteText", "Note"),
            Map.entry("form.addNote", "Ajouter la note"),
            Map.entry("form.reason", "Motif (facultatif)"),
            Map.entry("form.reopen", "Rouvrir le dossier"),
            Map.entry("form.reassignTo", "Attribuer à"),
            Map.entry("form.reassign", "Réattribuer"),
            Map.entry("form.priority", "Priorité"),
            Map.entry("form.setPriority", "Changer la priorité"),
            Map.entry("form.rootCause", "Cause"),
            Map.entry("form.chooseRootCause", "Choisissez une cause…"),
            Map.entry("form.setRootCause", "Enregistrer la cause"),
            Map.entry("done.action", "Enregistré : l'action figure dans les activités."),
            Map.entry("done.close", "Enregistré : le dossier est clôturé."),
            Map.entry("done.note", "Enregistré : la note figure dans les activités."),
            Map.entry("done.reassign", "Enregistré : le dossier est réattribué."),
            Map.entry("done.root-cause", "Enregistré : la cause est renseignée."),
            Map.entry("done.priority", "Enregistré : la priorité est changée."),
            Map.entry("done.reopen", "Enregistré : le dossier est rouvert."),
            Map.entry("notice.refused", "Non enregistré : {0}"),
            Map.entry("notice.conflict", "Non enregistré : quelqu'un d'autre a modifié ce dossier pendant que vous le consultiez. Le voici tel qu'il est maintenant (voir Activités) ; si votre modification est toujours utile, refaites-la."),
            Map.entry("link.invalid.title", "Ce lien ne peut pas être ouvert"),
            Map.entry("link.invalid.body", "Le lien est incomplet ou n'est pas valide. Il a peut-être été coupé lors d'un copier-coller."),
            Map.entry("link.invalid.next", "Ouvrez le dossier avec le bouton de l'e-mail reçu, ou demandez un nouveau lien à votre administrateur CX."),
            Map.entry("link.expired.title", "Ce lien a expiré"),
            Map.entry("link.expired.body", "Les liens vers un dossier ne fonctionnent qu'un temps limité, et celui-ci est trop ancien."),
            Map.entry("link.expired.next", "Demandez un nouveau lien à votre administrateur CX (ou à la personne qui vous a attribué le dossier)."),
            Map.entry("link.revoked.title", "Ce lien n'est plus valable"),
            Map.entry("link.revoked.body", "L'accès à ce dossier par ce lien a été retiré, par exemple parce que le dossier a été confié à quelqu'un d'autre."),
            Map.entry("link.revoked.next", "Si vous avez encore besoin du dossier, demandez un nouveau lien à votre administrateur CX."),
            Map.entry("session.missing.title", "Ouvrez le dossier depuis votre e-mail"),
            Map.entry("session.missing.body", "Cette page ne s'ouvre que par le lien personnel de l'e-mail concernant le dossier."),
            Map.entry("session.missing.next", "Retrouvez l'e-mail et utilisez son bouton « Ouvrir le dossier ». Si vous ne l'avez plus, demandez un nouveau lien à votre administrateur CX."),
            Map.entry("session.expired.title", "Votre session est terminée"),
            Map.entry("session.expired.body", "Par sécurité, un dossier ne reste ouvert dans votre navigateur que quelques heures."),
            Map.entry("session.expired.next", "Rouvrez le dossier avec le lien de votre e-mail."),
            Map.entry("session.revoked.title", "Votre accès à ce dossier a été retiré"),
            Map.entry("session.revoked.body", "Les liens vers ce dossier ont été retirés, par exemple parce que le dossier a été confié à quelqu'un d'autre."),
            Map.entry("session.revoked.next", "Si vous avez encore besoin du dossier, demandez un nouveau lien à votre administrateur CX."),
            Map.entry("request.crossSite.title", "Demande refusée"),
            Map.entry("request.crossSite.body", "Ce formulaire a été envoyé depuis un autre site : rien n'a été modifié."),
            Map.entry("request.crossSite.next", "Ouvrez le dossier depuis votre e-mail et utilisez les formulaires de sa page."),
            Map.entry("request.csrf.title", "Ce formulaire a expiré"),
            Map.entry("request.csrf.body", "Le formulaire ne vient pas de votre page de dossier actuelle : rien n'a été modifié."),
            Map.entry("request.csrf.next", "Revenez à la page du dossier, rechargez-la et recommencez."),
            Map.entry("request.malformed.title", "Le formulaire n'a pas pu être lu"),
            Map.entry("request.malformed.body", "Un élément du formulaire ne correspond pas à ce qu'envoie la page du dossier : rien n'a été modifié."),
            Map.entry("request.malformed.next", "Revenez à la page du dossier, rechargez-la et recommencez."),
            Map.entry("request.tooLarge.title", "Le formulaire est trop long"),
            Map.entry("request.tooLarge.body", "Le texte envoyé dépasse ce qu'accepte une page de dossier : rien n'a été modifié."),
            Map.entry("request.tooLarge.next", "Raccourcissez le texte (4000 caractères au plus) et recommencez."),
            Map.entry("request.unsupported.title", "Le formulaire n'a pas pu être lu"),
            Map.entry("request.unsupported.body", "La page du dossier n'accepte que ses propres formulaires : rien n'a été modifié."),
            Map.entry("request.notFound.title", "Page introuvable"),
            Map.entry("request.notFound.body", "Cette page n'existe pas pour ce dossier."),
            Map.entry("request.notFound.next", "Revenez à la page du dossier."),
            Map.entry("case.gone.title", "Ce dossier n'est plus disponible"),
            Map.entry("case.gone.body", "Le dossier est introuvable ; il a peut-être été supprimé."),
            Map.entry("error." + CaseError.NOT_ALLOWED, "vous n'avez pas le droit de traiter les dossiers."),
            Map.entry("error." + CaseError.NO_ACTION_PLAN, "ce dossier n'a pas de plan d'action : aucune action n'est possible."),
            Map.entry("error." + CaseError.PLAN_CLOSED, "le plan d'action est clôturé : aucune nouvelle action n'est possible."),
            Map.entry("error." + CaseError.CASE_CLOSED, "le dossier est clôturé : rouvrez-le d'abord."),
            Map.entry("error." + CaseError.CASE_NOT_CLOSED, "le dossier n'est pas clôturé, il ne peut donc pas être rouvert."),
            Map.entry("error." + CaseError.ACTION_REQUIRED, "choisissez une action."),
            Map.entry("error." + CaseError.UNKNOWN_ACTION, "le plan d'action n'a pas cette action."),
            Map.entry("error." + CaseError.ACTION_COMPLETED, "cette action est terminée et ne peut plus être choisie."),
            Map.entry("error." + CaseError.STATUS_REQUIRED, "choisissez un statut pour l'action."),
            Map.entry("error." + CaseError.STATUS_NOT_OF_ACTION, "ce statut n'est pas un statut de cette action."),
            Map.entry("error." + CaseError.COMMENT_NOT_ALLOWED, "cette action ne prend pas de commentaire."),
            Map.entry("error." + CaseError.CLOSE_CHOICE_REQUIRED, "indiquez si le plan d'action doit être clôturé."),
            Map.entry("error." + CaseError.CLOSE_CHOICE_NOT_ALLOWED, "cette action ne demande pas s'il faut clôturer le plan."),
            Map.entry("error." + CaseError.ACTION_NOT_COMPLETED, "seul un statut qui termine l'action peut clôturer le plan."),
            Map.entry("error." + CaseError.EXIT_STATE_REQUIRED, "choisissez un état de sortie pour clôturer le plan."),
            Map.entry("error." + CaseError.EXIT_STATE_NOT_ALLOWED, "un état de sortie ne se choisit que lorsque le plan est clôturé."),
            Map.entry("error." + CaseError.UNKNOWN_EXIT_STATE, "le plan d'action n'a pas cet état de sortie."),
            Map.entry("error." + CaseError.NOTE_EMPTY, "écrivez la note."),
            Map.entry("error." + CaseError.TEXT_TOO_LONG, "le texte est trop long (4000 caractères au plus)."),
            Map.entry("error." + CaseError.RESPONDER_REQUIRED, "choisissez à qui attribuer le dossier."),
            Map.entry("error." + CaseError.UNKNOWN_RESPONDER, "cette personne n'existe pas."),
            Map.entry("error." + CaseError.CANNOT_RESPOND, "cette personne n'a pas le droit de traiter les dossiers."),
            Map.entry("error." + CaseError.SAME_ASSIGNEE, "le dossier est déjà attribué à cette personne."),
            Map.entry("error." + CaseError.ROOT_CAUSE_REQUIRED, "choisissez une cause."),
            Map.entry("error." + CaseError.UNKNOWN_ROOT_CAUSE, "cette cause n'existe pas."),
            Map.entry("error." + CaseError.NOT_A_CAUSE, "choisissez une cause à l'intérieur d'une catégorie."),
            Map.entry("error." + CaseError.SAME_ROOT_CAUSE, "c'est déjà la cause du dossier."),
            Map.entry("error." + CaseError.PRIORITY_REQUIRED, "choisissez une priorité."),
            Map.entry("error." + CaseError.SAME_PRIORITY, "le dossier a déjà cette priorité."));

    private final Map<String, String> table;
    private final Locale locale;

    private WebMessages(Map<String, String> table, Locale locale) {
        this.table = table;
        this.locale = locale;
    }

    /** English or French, from a language tag ("fr", "fr-CA", "en-GB"); anything else is English. */
    public static WebMessages of(String languageTag) {
        return "fr".equals(supported(languageTag)) ? new WebMessages(FR, Locale.FRENCH) : new WebMessages(EN, Locale.ENGLISH);
    }

    /** The responder's language when supported, else the browser's preferred supported one, else English. */
    public static WebMessages choose(Responder responder, String acceptLanguage) {
        String own = responder == null ? null : supported(responder.locale());
        return of(own != null ? own : preferred(acceptLanguage));
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
        return table.containsKey(key) || EN.containsKey(key);
    }

    public String t(String key, Object... args) {
        String pattern = table.getOrDefault(key, EN.getOrDefault(key, key));
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

    /** Keys of both tables, for the test that every English text has its French one. */
    static Set<String> englishKeys() {
        return EN.keySet();
    }

    static Set<String> frenchKeys() {
        return FR.keySet();
    }
}
