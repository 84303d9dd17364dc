package vn.ocop.chassis.outbox;

import java.io.IOException;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wakes the outbox relay when a state-changing request succeeded, so that the events it recorded reach Kafka at
 * once instead of at the relay's next poll (up to {@code ocop.outbox.relay.poll-interval} later). Waking is a
 * semaphore release: a request that recorded nothing costs the relay one empty pass at most.
 */
public class OutboxWakeUpFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectProvider<OutboxRelay> relay;

    public OutboxWakeUpFilter(ObjectProvider<OutboxRelay> relay) {
        this.relay = relay;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() < 400) {
                relay.ifAvailable(OutboxRelay::wakeUp);
            }
        }
    }
}
