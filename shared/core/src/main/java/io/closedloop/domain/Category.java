package io.closedloop.domain;

/**
 * Where a score falls: NPS detractor 0–6, passive 7–8, promoter 9–10. CSAT (1–5): 1–2 detractor, 3 passive, 4–5
 * promoter. CES (1–7, higher is easier): 1–3 detractor, 4 passive, 5–7 promoter.
 */
public enum Category {
    DETRACTOR,
    PASSIVE,
    PROMOTER;

    public static Category of(Score score) {
        int v = score.value();
        return switch (score.type()) {
            case NPS -> v <= 6 ? DETRACTOR : v <= 8 ? PASSIVE : PROMOTER;
            case CSAT -> v <= 2 ? DETRACTOR : v == 3 ? PASSIVE : PROMOTER;
            case CES -> v <= 3 ? DETRACTOR : v == 4 ? PASSIVE : PROMOTER;
        };
    }
}
