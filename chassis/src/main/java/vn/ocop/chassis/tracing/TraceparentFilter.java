package vn.ocop.chassis.tracing;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Continues (or starts) the W3C trace of each request, and tells the caller its trace in the response. */
public final class TraceparentFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = TraceContext.begin(request.getHeader(TraceContext.HEADER));
        response.setHeader(TraceContext.HEADER, traceparent);
        try {
            chain.doFilter(request, response);
        } finally {
            TraceContext.end();
        }
    }
}
