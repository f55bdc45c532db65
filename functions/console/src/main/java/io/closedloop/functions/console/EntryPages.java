package io.closedloop.functions.console;

import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Deleted;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.log.Log;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routine every list-and-form configuration page shares: {@code <base>} lists, {@code <base>/new} and
 * {@code <base>/<id>} show a form, a POST to either saves, and what became of the save is the next page (to the list
 * on success, the form again as typed with each field's refusal, the newer version on a conflict); where a kind offers
 * it, {@code <base>/<id>/delete} asks to confirm (saying what still uses the entry) and deletes. The handler has
 * checked the session, the admin role and, for a POST, the origin and the form token before any of it.
 *
 * @param <T> the entry (a configuration record)
 * @param <I> what the form sends, as typed
 */
final class EntryPages<T, I> {

    /** One kind of entry's pages: its address, its words, its form, and how it is found and saved. */
    interface Kind<T, I> {

        /** The list's address, e.g. {@code /console/admin/teams}. */
        String base();

        /** The message prefix of its pages, e.g. {@code teams.}: {@code gone}, {@code conflict} and {@code error.<field>}. */
        String words();

        /** @param id the id in the address; null on a new entry (then the form's) */
        I read(FormBody form, String id);

        /** The blank form of a new entry. */
        I blank();

        I inputOf(T value);

        /** The entry's id as typed; null when the form gives none. */
        String typedId(I input);

        String idOf(T value);

        Optional<Listed<T>> find(ConsoleVisit visit, String id);

        Saved<T> save(ConsoleVisit visit, I input, Long version);

        HttpResponse list(ConsoleVisit visit, Optional<String> savedId);

        /** @param version the version the form edits; null on a new entry */
        HttpResponse form(int status, ConsoleVisit visit, String action, I input, Long version, Map<String, String> errors, String conflict);

        /**
         * A form posted to be shown again rather than saved (e.g. a file imported into it); empty to save it. Nothing is
         * stored either way until the admin saves.
         */
        default Optional<HttpResponse> reshow(ConsoleVisit visit, String action, FormBody form, I input, Long version) {
            return Optional.empty();
        }

        /** The entries these pages delete through (the admin API's rules), or empty when they offer no delete. */
        default Optional<ConfigEntries<T>> deletes() {
            return Optional.empty();
        }

        /** The entry's name, as its pages show it. */
        default String nameOf(T value) {
            return idOf(value);
        }

        /** The page after a save: the list, saying what was saved. */
        default HttpResponse done(ConsoleVisit visit, I input, Saved.Done<T> done) {
            return Pages.redirect(base() + "?saved=" + idOf(done.value()));
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Kind<T, I> kind;
    private final Pattern entry;
    private final Pattern deletion;

    EntryPages(Kind<T, I> kind) {
        this.kind = kind;
        this.entry = Pattern.compile(Pattern.quote(kind.base()) + "/(" + ID.pattern() + ")");
        this.deletion = Pattern.compile(Pattern.quote(kind.base()) + "/(" + ID.pattern() + ")/(delete|deleted)");
    }

    /** The page for a GET, or empty when the address is not one of these pages. */
    Optional<HttpResponse> get(String path, Map<String, String> query, ConsoleVisit visit) {
        if (path.equals(kind.base())) {
            return Optional.of(kind.list(visit, Optional.ofNullable(query.get("saved")).filter(id -> ID.matcher(id).matches())));
        }
        if (path.equals(kind.base() + "/new")) {
            return Optional.of(kind.form(200, visit, path, kind.blank(), null, Map.of(), null));
        }
        Matcher d = deletion.matcher(path);
        if (d.matches() && kind.deletes().isPresent()) {
            return Optional.of(d.group(2).equals("deleted") ? DeletePages.deleted(visit, kind.deletes().get().kind(), d.group(1), kind.base())
                    : kind.find(visit, d.group(1)).map(found -> confirm(200, visit, found, null)).orElseGet(() -> gone(visit, kind.words())));
        }
        Matcher m = entry.matcher(path);
        if (m.matches()) {
            return Optional.of(kind.find(visit, m.group(1))
                    .map(found -> kind.form(200, visit, path, kind.inputOf(found.value()), found.version(), Map.of(), null))
                    .orElseGet(() -> gone(visit, kind.words())));
        }
        return Optional.empty();
    }

    /** The answer to a POST, or empty when the address is not one of these pages. */
    Optional<HttpResponse> post(String path, FormBody form, ConsoleVisit visit) {
        Matcher d = deletion.matcher(path);
        if (d.matches() && d.group(2).equals("delete") && kind.deletes().isPresent()) {
            return Optional.of(delete(visit, d.group(1), form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(0L)));
        }
        boolean creating = path.equals(kind.base() + "/new");
        Matcher m = entry.matcher(path);
        if (!creating && !m.matches()) {
            return Optional.empty();
        }
        I input = kind.read(form, creating ? null : m.group(1));
        Long version = creating ? null : form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(0L);
        Optional<HttpResponse> reshown = kind.reshow(visit, path, form, input, version);
        if (reshown.isPresent()) {
            return reshown;
        }
        Saved<T> saved = kind.typedId(input) == null ? new Saved.Refused<>(List.of(new FieldError("id", "required")))
                : kind.save(visit, input, version);
        return Optional.of(switch (saved) {
            case Saved.Done<T> done -> {
                Log.info("console configuration saved", Map.of("page", kind.base(), "id", kind.idOf(done.value()), "version", done.version(),
                        "created", done.created()));
                yield kind.done(visit, input, done);
            }
            case Saved.Refused<T> refused ->
                    kind.form(422, visit, path, input, version, FormErrors.of(refused.errors(), visit.m(), kind.words() + "error."), null);
            case Saved.Conflict<T> conflict when conflict.current() == null -> gone(visit, kind.words());
            case Saved.Conflict<T> conflict -> kind.form(409, visit, path, kind.inputOf(conflict.current().value()),
                    conflict.current().version(), Map.of(), visit.m().t(kind.words() + "conflict"));
        });
    }

    private HttpResponse delete(ConsoleVisit visit, String id, long version) {
        ConfigEntries<T> entries = kind.deletes().orElseThrow();
        return switch (entries.delete(visit.access(), id, version)) {
            case Deleted.Done<T> done -> {
                Log.info("console configuration deleted", Map.of("page", kind.base(), "id", id, "version", version));
                yield Pages.redirect(kind.base() + "/" + id + "/deleted");
            }
            case Deleted.InUse<T> inUse -> kind.find(visit, id).map(found -> confirm(409, visit, found, null))
                    .orElseGet(() -> gone(visit, kind.words()));
            case Deleted.Conflict<T> conflict when conflict.current() == null -> gone(visit, kind.words());
            case Deleted.Conflict<T> conflict -> confirm(409, visit, conflict.current(), visit.m().t("delete.changed"));
        };
    }

    private HttpResponse confirm(int status, ConsoleVisit visit, Listed<T> found, String notice) {
        String id = kind.idOf(found.value());
        ConfigEntries<T> entries = kind.deletes().orElseThrow();
        return DeletePages.confirm(status, visit, entries.kind(), kind.nameOf(found.value()), kind.base() + "/" + id,
                found.version(), entries.uses(visit.access(), id), notice);
    }

    /** The 404 page of an entry that is not (or no longer) configured, in the words of its kind ({@code <words>gone}). */
    static HttpResponse gone(ConsoleVisit visit, String words) {
        return ConsolePages.framed(404, visit.nav(), visit.m().t(words + "gone.title"),
                Pages.messageBody(MessageView.of(visit.m(), words + "gone")));
    }
}
