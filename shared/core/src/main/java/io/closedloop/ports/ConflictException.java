package io.closedloop.ports;

/** A conditional write lost: someone else changed the item first. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String what) {
        super(what, null, false, false);
    }
}
