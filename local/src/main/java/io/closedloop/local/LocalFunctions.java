package io.closedloop.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.closedloop.app.CaseService;
import io.closedloop.app.LinkKeys;
import io.closedloop.dynamodb.Stores;
import io.closedloop.functions.api.ApiHandler;
import io.closedloop.functions.console.ConsoleHandler;
import io.closedloop.ports.Mailer;
import io.closedloop.functions.web.WebHandler;
import java.time.InstantSource;
import java.util.Map;

/** Builds the web, console and API functions over the local stores. */
final class LocalFunctions {

    private LocalFunctions() {}

    static void addWebAndApi(Map<String, RequestStreamHandler> handlers, Stores stores, InstantSource clock, String baseUrl, Mailer mailer,
            String sender) {
        CaseService cases = new CaseService(stores.cases(), stores.configCache(), clock);
        handlers.put(WebHandler.class.getName(), new WebHandler(cases, stores.cases(), stores.kpis(),
                new LinkKeys(stores.configCache(), stores.config()), stores.suppressions(), baseUrl));
        handlers.put(ConsoleHandler.class.getName(), new ConsoleHandler(stores, mailer, sender, baseUrl, clock));
        handlers.put(ApiHandler.class.getName(), new ApiHandler(ApiHandler.UseCases.of(stores, clock)));
    }
}
