package io.closedloop.ports;

import io.closedloop.domain.Response;
import io.closedloop.domain.ResponseId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Durable, idempotent storage of responses. */
public interface ResponseStore {

    /**
     * Stores a response unless the store already holds the same or a newer revision of it: one conditional write,
     * safe to call any number of times, concurrently.
     */
    StoreOutcome store(Response response);

    /**
     * Merges a partial delivery (one answered question) into the stored response: answers, attributes and the score
     * are added; the comment and respondent fields only fill gaps. Optimistic, retried on a lost race.
     */
    StoreOutcome merge(Response partial);

    /** The responses of a campaign submitted on the given days (inclusive), for dry runs; never a scan. */
    void forEachInPeriod(String campaignId, LocalDate from, LocalDate to, Consumer<Response> consumer);

    /**
     * The last {@code limit} responses of a campaign submitted on {@code lastDay} or up to {@code days - 1} days
     * before, newest first: one day read at a time, going back, until enough are found (never a scan).
     */
    default List<Response> latest(String campaignId, LocalDate lastDay, int days, int limit) {
        List<Response> found = new ArrayList<>();
        for (int back = 0; back < days && found.size() < limit; back++) {
            LocalDate day = lastDay.minusDays(back);
            List<Response> ofDay = new ArrayList<>();
            forEachInPeriod(campaignId, day, day, ofDay::add);
            ofDay.sort(Comparator.comparing(Response::submittedAt).reversed());
            found.addAll(ofDay.subList(0, Math.min(ofDay.size(), limit - found.size())));
        }
        return found;
    }

    /** The latest revision of one response, where it was filed: its campaign and the time it was submitted. */
    Optional<Response> get(String campaignId, Instant submittedAt, ResponseId id);

    /** For tests and tools: every stored revision of one response, newest first. */
    List<Response> find(String campaignId, LocalDate day, String sourceId, String externalId);
}
