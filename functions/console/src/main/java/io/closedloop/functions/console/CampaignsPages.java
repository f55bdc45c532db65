package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Acknowledgement;
import io.closedloop.config.Acknowledgement.MailTemplate;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.Campaign;
import io.closedloop.config.CheckInPolicy;
import io.closedloop.config.Goal;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.Source;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.functions.console.ConsoleView.AckFields;
import io.closedloop.functions.console.ConsoleView.CampaignForm;
import io.closedloop.functions.console.ConsoleView.CampaignRow;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.templates.console.JtecampaignGenerated;
import io.closedloop.templates.console.JtecampaignsGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign pages under {@code /console/admin/campaigns} ({@link EntryPages}): the list, with each campaign's plan,
 * SLA policy, goal and the webhook addresses of its sources, and a campaign's form (name, action plan, SLA policy,
 * goal as a percentage within a number of hours, check-in policy, acknowledgement delays and wording), saved through the
 * admin API's rules ({@link ConfigEntries}).
 */
final class CampaignsPages implements EntryPages.Kind<Campaign, CampaignsPages.Input> {

    static final String BASE = "/console/admin/campaigns";

    /** What the form sends, as typed (the goal's numbers as text, so a wrong one comes back as it was written). */
    record Input(String id, String name, String actionPlanId, String slaPolicyId, String goalPercent, String goalHours, String checkIn,
            AckFields ack) {}

    private static final AckFields NO_ACK = new AckFields(null, null, null, null, "en", null, null, null, null);

    private final ConfigEntries<Campaign> campaigns;
    private final String publicBaseUrl;

    /** @param publicBaseUrl where the sources' webhook addresses are shown to point */
    CampaignsPages(ConfigEntries<Campaign> campaigns, String publicBaseUrl) {
        this.campaigns = campaigns;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "campaigns.";
    }

    @Override
    public Input blank() {
        return new Input(null, null, null, null, FormText.percent(Goal.DEFAULT.share()), hours(Goal.DEFAULT.within()), CheckInPolicy.NEVER.name(), NO_ACK);
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(Campaign value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<Campaign>> deletes() {
        return Optional.of(campaigns);
    }

    @Override
    public String nameOf(Campaign value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<Campaign>> find(ConsoleVisit visit, String id) {
        return campaigns.find(visit.access(), id);
    }

    @Override
    public Saved<Campaign> save(ConsoleVisit visit, Input input, Long version) {
        List<FieldError> unreadable = new ArrayList<>();
        Double share = number(input.goalPercent()).filter(p -> p > 0 && p <= 100).map(p -> p / 100).orElse(null);
        Long hours = number(input.goalHours()).filter(h -> h >= 1 && h <= 24 * 365 && h == Math.rint(h)).map(Double::longValue).orElse(null);
        if (share == null) {
            unreadable.add(new FieldError("goal.share", "must be a percentage from 1 to 100"));
        }
        if (hours == null) {
            unreadable.add(new FieldError("goal.within", "must be a whole number of hours"));
        }
        AckFields ack = input.ack() == null ? NO_ACK : input.ack();
        Integer[] minutes = new Integer[3];
        String[] typed = {ack.detractorMinutes(), ack.passiveMinutes(), ack.promoterMinutes()};
        String[] fields = {"detractorMinutes", "passiveMinutes", "promoterMinutes"};
        for (int i = 0; i < 3; i++) {
            if (typed[i] != null && !typed[i].isBlank()) {
                if (typed[i].strip().matches("[0-9]{1,5}")) {
                    minutes[i] = Integer.valueOf(typed[i].strip());
                } else {
                    unreadable.add(new FieldError("acknowledgement." + fields[i], "must be a whole number of minutes, or blank for none"));
                }
            }
        }
        if (!unreadable.isEmpty() && input.name() == null) {
            unreadable.addFirst(new FieldError("name", "required"));
        }
        if (!unreadable.isEmpty()) {
            return new Saved.Refused<>(unreadable);
        }
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("actionPlanId", input.actionPlanId());
        json.put("slaPolicyId", input.slaPolicyId());
        json.put("checkIn", input.checkIn() == null ? CheckInPolicy.NEVER.name() : input.checkIn());
        boolean acknowledges = minutes[0] != null || minutes[1] != null || minutes[2] != null;
        Optional<Acknowledgement> stored = Optional.ofNullable(input.id()).map(id -> visit.config().campaigns().get(id)).map(Campaign::acknowledgement);
        if (acknowledges || stored.isPresent()) {
            ObjectNode node = json.putObject("acknowledgement");
            for (int i = 0; i < 3; i++) {
                if (minutes[i] != null) {
                    node.put(fields[i], minutes[i]);
                }
            }
            if (ack.company() != null && !ack.company().isBlank()) {
                node.put("company", ack.company().strip());
            }
            node.put("defaultLocale", ack.locale() == null ? "en" : ack.locale());
            var templates = node.putArray("templates");
            template(templates, "en", ack.enSubject(), ack.enBody());
            template(templates, "fr", ack.frSubject(), ack.frBody());
            // wording written for one category (admin API) is not on this form: it stays as it was
            stored.ifPresent(a -> a.templates().stream().filter(t -> t.category() != null).forEach(t -> templates.add(Json.tree(Json.bytes(t)))));
        }
        // reply templates are set through the admin API (docs/customer-loop.md): saving this form keeps them
        Optional.ofNullable(input.id()).map(id -> visit.config().campaigns().get(id)).map(Campaign::replyTemplates)
                .filter(t -> !t.isEmpty()).ifPresent(t -> json.set("replyTemplates", Json.tree(Json.bytes(t))));
        ObjectNode goal = json.putObject("goal");
        goal.put("share", share);
        goal.put("within", Duration.ofHours(hours).toString());
        return campaigns.save(visit.access(), input.id(), json, version);
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<Listed<Campaign>> all = new ArrayList<>(campaigns.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().name()));
        List<CampaignRow> rows = new ArrayList<>();
        for (Listed<Campaign> listed : all) {
            Campaign c = listed.value();
            String plan = visit.config().currentPlan(c.actionPlanId()).map(ActionPlan::name).orElse(c.actionPlanId());
            String sla = c.slaPolicyId() == null ? m.t("campaigns.noSla")
                    : Optional.ofNullable(visit.config().slaPolicies().get(c.slaPolicyId())).map(SlaPolicy::name).orElse(c.slaPolicyId());
            List<ConsoleView.Link> webhooks = visit.config().sources().values().stream().filter(s -> c.id().equals(s.campaignId()))
                    .sorted(Comparator.comparing(Source::id))
                    .map(s -> new ConsoleView.Link(SourcesPages.BASE + "/" + s.id(),
                            m.t("campaigns.webhook", publicBaseUrl + "/webhooks/" + s.id(), m.t("sources.format." + s.format().name()))))
                    .toList();
            rows.add(new CampaignRow(c.id(), BASE + "/" + c.id(), c.name(), m.t("campaigns.planAndSla", plan, sla),
                    m.t("campaigns.goal", FormText.percent(c.goal().share()), m.duration(c.goal().within())), webhooks));
        }
        String notice = saved.flatMap(id -> Optional.ofNullable(visit.config().campaigns().get(id))).map(c -> m.t("campaigns.saved", c.name()))
                .orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("campaigns.title"),
                output -> JtecampaignsGenerated.render(Pages.html(output), null, new ConsoleView.Campaigns(m, rows, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        WebMessages m = visit.m();
        List<Option> plans = new ArrayList<>();
        visit.config().actionPlans().stream().map(ActionPlan::id).distinct()
                .map(id -> visit.config().currentPlan(id).orElseThrow()).sorted(Comparator.comparing(ActionPlan::name))
                .forEach(p -> plans.add(new Option(p.id(), p.name(), p.id().equals(input.actionPlanId()))));
        List<Option> slas = new ArrayList<>();
        slas.add(new Option("", m.t("campaigns.noSla"), input.slaPolicyId() == null));
        visit.config().slaPolicies().values().stream().sorted(Comparator.comparing(SlaPolicy::name))
                .forEach(p -> slas.add(new Option(p.id(), p.name(), p.id().equals(input.slaPolicyId()))));
        String checkIn = input.checkIn() == null ? CheckInPolicy.NEVER.name() : input.checkIn();
        List<Option> checkIns = java.util.Arrays.stream(CheckInPolicy.values())
                .map(p -> new Option(p.name(), m.t("campaigns.checkIn." + p.name()), p.name().equals(checkIn))).toList();
        AckFields typed = input.ack() == null ? NO_ACK : input.ack();
        AckFields ack = new AckFields(FormText.text(typed.detractorMinutes()), FormText.text(typed.passiveMinutes()),
                FormText.text(typed.promoterMinutes()), FormText.text(typed.company()), typed.locale(), FormText.text(typed.enSubject()),
                FormText.text(typed.enBody()), FormText.text(typed.frSubject()), FormText.text(typed.frBody()));
        List<Option> locales = List.of(new Option("en", m.t("campaigns.ack.locale.en"), !"fr".equals(typed.locale())),
                new Option("fr", m.t("campaigns.ack.locale.fr"), "fr".equals(typed.locale())));
        CampaignForm view = new CampaignForm(m, action, FormText.text(input.id()), FormText.text(input.name()), plans, slas, FormText.text(input.goalPercent()),
                FormText.text(input.goalHours()), checkIns, ack, locales, version, visit.csrf(), errors, conflict);
        String title = version == null ? m.t("campaigns.new") : input.name();
        return ConsolePages.framed(status, visit.nav(), title, output -> JtecampaignGenerated.render(Pages.html(output), null, view));
    }

    @Override
    public Input read(FormBody form, String id) {
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("name")), FormText.strip(form.text("actionPlanId")),
                FormText.strip(form.text("slaPolicyId")), FormText.strip(form.text("goalPercent")), FormText.strip(form.text("goalHours")),
                FormText.strip(form.text("checkIn")),
                new AckFields(FormText.strip(form.text("ackDetractor")), FormText.strip(form.text("ackPassive")), FormText.strip(form.text("ackPromoter")),
                        FormText.strip(form.text("ackCompany")), "fr".equals(FormText.strip(form.text("ackLocale"))) ? "fr" : "en",
                        FormText.strip(form.text("ackSubjectEn")), form.text("ackBodyEn"), FormText.strip(form.text("ackSubjectFr")), form.text("ackBodyFr")));
    }

    @Override
    public Input inputOf(Campaign c) {
        return new Input(c.id(), c.name(), c.actionPlanId(), c.slaPolicyId(), FormText.percent(c.goal().share()), hours(c.goal().within()),
                c.checkIn().name(), ackOf(c.acknowledgement()));
    }

    private static void template(com.fasterxml.jackson.databind.node.ArrayNode templates, String locale, String subject, String body) {
        boolean hasSubject = subject != null && !subject.isBlank();
        boolean hasBody = body != null && !body.isBlank();
        if (hasSubject || hasBody) {
            ObjectNode t = templates.addObject();
            t.put("locale", locale);
            t.put("subject", hasSubject ? subject.strip() : null);
            t.put("body", hasBody ? body.strip() : null);
        }
    }

    private static AckFields ackOf(Acknowledgement a) {
        if (a == null) {
            return NO_ACK;
        }
        Optional<MailTemplate> en = a.templates().stream().filter(t -> t.category() == null && t.locale().equals("en")).findFirst();
        Optional<MailTemplate> fr = a.templates().stream().filter(t -> t.category() == null && t.locale().equals("fr")).findFirst();
        return new AckFields(text(a.detractorMinutes()), text(a.passiveMinutes()), text(a.promoterMinutes()), a.company(), a.defaultLocale(),
                en.map(MailTemplate::subject).orElse(null), en.map(MailTemplate::body).orElse(null),
                fr.map(MailTemplate::subject).orElse(null), fr.map(MailTemplate::body).orElse(null));
    }

    private static String text(Integer minutes) {
        return minutes == null ? null : minutes.toString();
    }

    private static Optional<Double> number(String text) {
        if (text == null || !text.matches("[0-9]{1,6}([.,][0-9]{1,3})?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(text.replace(',', '.')));
    }

    private static String hours(Duration within) {
        return within.toMinutes() % 60 == 0 ? String.valueOf(within.toHours()) : String.format(Locale.ROOT, "%.2f", within.toMinutes() / 60.0);
    }
}
