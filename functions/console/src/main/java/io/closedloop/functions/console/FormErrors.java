package io.closedloop.functions.console;

import io.closedloop.console.ConfigEntries;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.webui.WebMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's field errors in the admin's words, one per form field, for a configuration form shown again. */
final class FormErrors {

    private FormErrors() {}

    /**
     * @param prefix the page's message prefix: {@code <prefix><field>} words each field's errors, its indexes left out
     *     ({@code actions[1].name} is worded by {@code <prefix>actions.name}); a list item's error ({@code memberIds[2]})
     *     is its list's; the API's English for a field the page has no words for
     */
    static Map<String, String> of(List<FieldError> errors, WebMessages m, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String field = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]$", "");
            String worded = field.replaceAll("\\[\\d+]", "");
            String key = ConfigEntries.ALREADY_EXISTS.equals(error.message()) ? prefix + worded + ".exists"
                    : "required".equals(error.message()) ? prefix + worded + ".required" : prefix + worded;
            out.putIfAbsent(field, m.has(key) ? m.t(key) : m.sentence(error.message()));
        }
        return out;
    }
}
