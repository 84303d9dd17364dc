package vn.ocop.identity.clients;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.identity.clients.ClientService.ClientInfo;
import vn.ocop.identity.clients.ClientService.CreatedClient;
import vn.ocop.identity.clients.domain.MachineClientSpec;

/** Machine clients (client credentials), administered by province officers. */
@RestController
@RequestMapping("/api/clients")
@Tag(name = "clients", description = "OAuth2 machine clients (client credentials)")
class ClientController {

    record CreateClientRequest(@Size(max = 64) String clientId, @Size(max = 400) String name,
            @Size(max = 20) List<String> scopes) {
    }

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @PostMapping
    @Operation(summary = "Create a machine client; its secret is returned this once and stored only as a hash")
    ResponseEntity<CreatedClient> create(@Valid @RequestBody CreateClientRequest request,
            @AuthenticationPrincipal AgencyPrincipal me) {
        CreatedClient created = clients.createMachineClient(
                new MachineClientSpec(request.clientId(), request.name(), request.scopes()), me.subject());
        return ResponseEntity.created(URI.create("/api/clients/" + created.client().id()))
                .cacheControl(CacheControl.noStore()).body(created);
    }

    @GetMapping
    @Operation(summary = "All registered clients (machine clients and the web client), without secrets")
    List<ClientInfo> list() {
        return clients.list();
    }

    @GetMapping("/scopes")
    @Operation(summary = "The scopes a machine client may be given")
    List<String> scopes() {
        return clients.allowedScopes();
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a machine client: it can no longer obtain tokens")
    ClientInfo disable(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return clients.disable(id, me.subject());
    }

    @PostMapping("/{id}/enable")
    ClientInfo enable(@PathVariable String id, @AuthenticationPrincipal AgencyPrincipal me) {
        return clients.enable(id, me.subject());
    }
}
