package vn.ocop.chassis.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides a handler's {@code @PreAuthorize} before Spring MVC reads and validates the request: method security
 * itself runs only when the handler is called, after its arguments were bound, so a caller whose role may never
 * use an endpoint was told what is wrong with its body or parameters (422) instead of 403. Only expressions that
 * name no argument ({@code #…}) are decided here; method security still checks every one when the handler
 * is called, so this can only refuse earlier, never allow more.
 */
public final class PreAuthorizeBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager authorization = new PreAuthorizeAuthorizationManager();
    private final Map<Method, Boolean> decidable = new ConcurrentHashMap<>();

    /** @param context for expressions that name beans ({@code @bean.check()}), as method security resolves them */
    public PreAuthorizeBeforeBinding(ApplicationContext context) {
        authorization.setApplicationContext(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && decidableBeforeBinding(method)) {
            authorization.verify(SecurityContextHolder.getContextHolderStrategy().getContext()::getAuthentication,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                            new Object[method.getMethodParameters().length]));
        }
        return true;
    }

    private boolean decidableBeforeBinding(HandlerMethod handler) {
        return decidable.computeIfAbsent(handler.getMethod(), method -> {
            PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
            if (annotation == null) {
                annotation = AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(handler.getBeanType()),
                        PreAuthorize.class);
            }
            return annotation != null && !annotation.value().contains("#");
        });
    }
}
