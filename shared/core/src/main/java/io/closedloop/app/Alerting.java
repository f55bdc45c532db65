package io.closedloop.app;

import io.closedloop.customer.CustomerMail;
import io.closedloop.customer.ResponseAcknowledgements;
import io.closedloop.ports.AcknowledgementStore;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.Mailer;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.Suppressions;

/** Assembles alert sending the same way wherever alerts go out (the processor and the scheduled check). */
public final class Alerting {

    private Alerting() {}

    public static AlertDispatcher dispatcher(CaseStore cases, Mailer mailer, ConfigCache cache, ConfigStore config, Suppressions suppressions,
            String sender, String baseUrl) {
        return new AlertDispatcher(cases, mailer, new AlertComposer(sender, baseUrl), cache, new LinkKeys(cache, config), suppressions);
    }

    /** The acknowledgements of responses that open no case, sent the same way. */
    public static ResponseAcknowledgements acknowledgements(AcknowledgementStore store, ResponseStore responses, Mailer mailer,
            ConfigCache cache, ConfigStore config, Suppressions suppressions, String sender, String baseUrl) {
        return new ResponseAcknowledgements(store, responses, suppressions, mailer, new CustomerMail(sender, baseUrl), cache,
                new LinkKeys(cache, config));
    }
}
