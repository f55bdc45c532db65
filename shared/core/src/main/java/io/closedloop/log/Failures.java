package io.closedloop.log;

/**
 * Describes an unexpected exception for the log: its type and where our code met it. Messages are left out: they
 * can quote customer data (an SDK error echoing a value, a parser quoting input).
 */
public final class Failures {

    private Failures() {}

    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.closedloop.")) {
                text.append(" at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                        .append(':').append(frame.getLineNumber());
                break;
            }
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            text.append(" caused by ").append(failure.getCause().getClass().getName());
        }
        return text.toString();
    }
}
