package io.closedloop.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.ports.Email;
import io.closedloop.ports.MailException;
import io.closedloop.testing.FailingCalls;
import io.closedloop.testing.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

class SesMailerTest {

    private final MotoServer moto = MotoServer.shared();
    private final FailingCalls failures = new FailingCalls(SendEmailRequest.class,
            () -> TooManyRequestsException.builder().message("Maximum sending rate exceeded").statusCode(429).build());
    private SesMailer mailer;

    @BeforeEach
    void setUp() {
        moto.reset();
        SesV2Client ses = SesV2Client.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(failures).retryStrategy(RetryMode.STANDARD))
                .build();
        ses.createEmailIdentity(r -> r.emailIdentity("alerts@closedloop.test"));
        mailer = new SesMailer(ses);
    }

    private static Email alert() {
        return new Email("alerts@closedloop.test", "ana@example.com", "Detractor: score 3 <script>",
                "Score 3\nComment: slow", "<p>Score 3</p>", Map.of("kind", "NEW_CASE", "case", "c123"));
    }

    @Test
    void send_verifiedSender_isAcceptedBySes() {
        String messageId = mailer.send(alert());

        assertThat(messageId).isNotBlank();
        assertThat(moto.sentEmails()).singleElement().satisfies(sent -> {
            assertThat(sent.to()).containsExactly("ana@example.com");
            assertThat(sent.subject()).isEqualTo("Detractor: score 3 <script>");
        });
    }

    @Test
    void send_sesThrottling_failsWithThrottledAndSendsNothing() {
        failures.failNext(Integer.MAX_VALUE);

        assertThatThrownBy(() -> mailer.send(alert()))
                .isInstanceOf(MailException.class)
                .extracting(e -> ((MailException) e).reason()).isEqualTo("throttled");
        assertThat(moto.sentEmails()).isEmpty();
    }

    @Test
    void send_unverifiedSender_isRejected() {
        Email fromStranger = new Email("someone@unverified.test", "ana@example.com", "Hi", "text", "<p>html</p>", Map.of());

        assertThatThrownBy(() -> mailer.send(fromStranger))
                .isInstanceOf(MailException.class)
                .extracting(e -> ((MailException) e).reason()).isEqualTo("rejected");
    }

    @Test
    void email_subjectWithLineBreak_cannotBeBuilt() {
        assertThatThrownBy(() -> new Email("a@b.test", "c@d.test", "Hello\r\nBcc: victim@example.com", "t", "h", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
