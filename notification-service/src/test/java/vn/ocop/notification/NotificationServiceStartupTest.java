package vn.ocop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.ServiceConventions;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationServiceStartupTest {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler;

    /** The reminder pass, the e-mail outbox and webhook deliveries each get a thread: none waits behind another. */
    @Test
    void scheduledJobsDoNotQueueBehindEachOther() {
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void startsAndReportsHealthOfItsInfrastructure() throws Exception {
        ServiceConventions.assertHealthyWith(port, "kafka", "mongo");
    }

    @Test
    void refusesCallsWithoutAValidToken() throws Exception {
        ServiceConventions.assertRejectsMissingOrBadTokens(port, "/admin/dead-letters");
    }

    @Test
    void answersErrorsAsProblemDetailsInTheCallersLanguage() throws Exception {
        ServiceConventions.assertProblemInCallersLanguage(port);
    }
}
