package io.closedloop.cases;

import io.closedloop.config.Responder;
import java.util.Objects;

/**
 * Who issues a command on a case: a responder from the case page, or an API key used by an integration (CRM,
 * ticketing). {@link #id()} is what the activity log records as the actor.
 */
public sealed interface Actor {

    /** The actor as written into {@link Activity#actor()}: "responder:&lt;id&gt;" or "api:&lt;key id&gt;". */
    String id();

    /** Whether this actor may change the case; a responder without the right to respond only reads. */
    boolean mayRespond();

    /** The responder behind the actor, or null for an API key, which acts on behalf of nobody. */
    Responder responder();

    static Actor of(Responder responder) {
        return new ResponderActor(responder);
    }

    static Actor api(String keyId) {
        return new ApiActor(keyId);
    }

    /** The customer, through a signed check-in link: may answer the check-in, nothing else. */
    static Actor customer() {
        return new CustomerActor();
    }

    /** The respondent answering a check-in; never a responder. */
    record CustomerActor() implements Actor {
        @Override
        public String id() {
            return "customer";
        }

        @Override
        public boolean mayRespond() {
            return false;
        }

        @Override
        public Responder responder() {
            return null;
        }
    }

    /** A person acting through the case page; allowed only with the right to respond (seed 000, "Accessibility"). */
    record ResponderActor(Responder responder) implements Actor {

        public ResponderActor {
            Objects.requireNonNull(responder, "responder");
            Objects.requireNonNull(responder.id(), "responder.id");
        }

        @Override
        public String id() {
            return "responder:" + responder.id();
        }

        @Override
        public boolean mayRespond() {
            return responder.canRespond();
        }
    }

    /** An integration acting with an API key: its scopes were checked at the door, so it is always allowed here. */
    record ApiActor(String keyId) implements Actor {

        public ApiActor {
            if (keyId == null || keyId.isBlank()) {
                throw new IllegalArgumentException("keyId is required");
            }
        }

        @Override
        public String id() {
            return "api:" + keyId;
        }

        @Override
        public boolean mayRespond() {
            return true;
        }

        @Override
        public Responder responder() {
            return null;
        }
    }
}
