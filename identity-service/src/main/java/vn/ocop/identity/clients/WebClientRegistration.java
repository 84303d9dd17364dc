package vn.ocop.identity.clients;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Registers (or updates) the public web client {@code ocop-web} from the configuration at every start. */
@Component
@Order(0)
class WebClientRegistration implements ApplicationRunner {

    private final ClientService clients;

    WebClientRegistration(ClientService clients) {
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        clients.registerWebClient();
    }
}
