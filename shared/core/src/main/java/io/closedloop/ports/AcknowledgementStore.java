package io.closedloop.ports;

import io.closedloop.customer.ResponseAcknowledgement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Acknowledgements of responses that opened no case, one item each; every change is conditional on its version. */
public interface AcknowledgementStore {

    /** Creates it unless one exists for the response; returns false (and changes nothing) when one does. */
    boolean create(ResponseAcknowledgement acknowledgement);

    Optional<ResponseAcknowledgement> find(String id);

    /**
     * Replaces it if the stored version is {@code updated.version() - 1}.
     *
     * @throws ConflictException when another writer got there first
     */
    void update(ResponseAcknowledgement updated);

    /** Ids of those due at or before {@code until}, from the due index. */
    List<String> dueIds(Instant until, int limit);
}
