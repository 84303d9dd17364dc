package vn.ocop.chassis;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletResponse;
import vn.ocop.chassis.outbox.OutboxRelay;
import vn.ocop.chassis.outbox.OutboxWakeUpFilter;

/** A successful state change wakes the relay at once; reads and refused requests do not. */
class OutboxWakeUpFilterTest {

    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final OutboxWakeUpFilter filter;

    OutboxWakeUpFilterTest() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("relay", relay);
        filter = new OutboxWakeUpFilter(beans.getBeanProvider(OutboxRelay.class));
    }

    @Test
    void aSuccessfulWriteWakesTheRelay() throws Exception {
        run("POST", HttpServletResponse.SC_CREATED);
        run("PUT", HttpServletResponse.SC_OK);
        run("DELETE", HttpServletResponse.SC_NO_CONTENT);
        verify(relay, times(3)).wakeUp();
    }

    @Test
    void readsAndRefusedWritesDoNot() throws Exception {
        run("GET", HttpServletResponse.SC_OK);
        run("POST", 422);
        run("POST", HttpServletResponse.SC_FORBIDDEN);
        verify(relay, never()).wakeUp();
    }

    private void run(String method, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/dossiers/1/submit");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setStatus(status));
    }
}
