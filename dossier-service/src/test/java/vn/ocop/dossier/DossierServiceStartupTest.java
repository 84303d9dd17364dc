package vn.ocop.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.ServiceConventions;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierServiceStartupTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndReportsHealthOfItsInfrastructure() throws Exception {
        ServiceConventions.assertHealthyWith(port, "kafka", "mongo");
    }

    @Test
    void refusesCallsWithoutAValidToken() throws Exception {
        ServiceConventions.assertRejectsMissingOrBadTokens(port, "/dossiers");
    }

    @Test
    void answersErrorsAsProblemDetailsInTheCallersLanguage() throws Exception {
        ServiceConventions.assertProblemInCallersLanguage(port);
    }
}
