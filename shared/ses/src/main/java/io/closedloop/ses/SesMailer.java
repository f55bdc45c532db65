package io.closedloop.ses;

import io.closedloop.aws.AwsClients;
import io.closedloop.aws.Settings;
import io.closedloop.ports.Email;
import io.closedloop.ports.MailException;
import io.closedloop.ports.Mailer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Sends email through SES v2 with an HTML and a text part. Failures become a {@link MailException} with a short reason. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String configurationSet;

    public SesMailer(SesV2Client ses) {
        this(ses, null);
    }

    /** @param configurationSet where SES reports bounces and complaints (docs/customer-loop.md); null for none */
    public SesMailer(SesV2Client ses, String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    /** As a deployed function sends: the configuration set named by SES_CONFIGURATION_SET, when there is one. */
    public static SesMailer fromEnvironment() {
        return new SesMailer(client(), Settings.orDefault("SES_CONFIGURATION_SET", ""));
    }

    public static SesV2Client client(ExecutionInterceptor... interceptors) {
        return AwsClients.build(SesV2Client.builder(), interceptors);
    }

    @Override
    public String send(Email email) {
        List<MessageTag> tags = new ArrayList<>();
        email.tags().forEach((name, value) -> tags.add(MessageTag.builder().name(tagSafe(name)).value(tagSafe(value)).build()));
        List<MessageHeader> headers = new ArrayList<>();
        email.headers().forEach((name, value) -> headers.add(MessageHeader.builder().name(name).value(value).build()));
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(email.from())
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(text(email.subject()))
                        .body(Body.builder().text(text(email.text())).html(text(email.html())).build())
                        .headers(headers)))
                .emailTags(tags)
                .configurationSetName(configurationSet);
        if (email.replyTo() != null) {
            request.replyToAddresses(email.replyTo());
        }
        try {
            return ses.sendEmail(request.build()).messageId();
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw new MailException("throttled", e);
        } catch (MessageRejectedException | AccountSuspendedException | SendingPausedException e) {
            throw new MailException("rejected", e);
        } catch (SdkServiceException e) {
            throw new MailException(e.statusCode() == 429 || e.isThrottlingException() ? "throttled"
                    : e.statusCode() >= 500 ? "unavailable" : "rejected", e);
        } catch (SdkClientException e) {
            throw new MailException("unreachable", e);
        }
    }

    private static Content text(String value) {
        return Content.builder().data(value).charset("UTF-8").build();
    }

    /** SES tag names and values allow only ASCII letters, digits, underscore and dash. */
    private static String tagSafe(String value) {
        return value.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
