package vn.ocop.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts the platform once per JVM (before the first class), prints the summary table and stops every process
 * after the last one (root store resource; the launcher's shutdown hook covers a killed JVM). On a failed test
 * the tails of the service logs are printed.
 */
public final class PlatformExtension implements BeforeAllCallback, TestWatcher {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent("ocop-platform", key -> {
            try {
                SystemPlatform.get();
            } catch (RuntimeException | Error e) {
                Summary.record("platform", "start the platform and log every account in", false, e.toString());
                System.out.println(Summary.table());
                SystemPlatform.shutdown();
                throw e;
            }
            return (AutoCloseable) () -> {
                System.out.println(Summary.table());
                SystemPlatform.shutdown();
            };
        }, AutoCloseable.class);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        SystemPlatform platform = SystemPlatform.peek();
        if (platform != null) {
            System.out.println("[system-tests] " + context.getDisplayName() + " FAILED; service logs:"
                    + platform.logTails(60));
        }
    }
}
