package io.closedloop.domain;

/** Who answered; every field may be absent (null) except that a respondent is always present, possibly empty. */
public record Respondent(String id, String email, String name, String phone, String locale) {

    public static final Respondent ANONYMOUS = new Respondent(null, null, null, null, null);

    /** A stable key for "the same customer": id, else e-mail (case-folded); null when anonymous. */
    public String customerKey() {
        if (id != null && !id.isBlank()) {
            return "id:" + id;
        }
        if (email != null && !email.isBlank()) {
            return "email:" + email.trim().toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }
}
