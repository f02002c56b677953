package io.gitfleet.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import io.gitfleet.ui.api.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The last line behind every view: whatever escapes one (an API problem from a lazy grid, a bug) becomes a
 * readable notification, never Vaadin's stack-trace dialog; an unexpected failure is logged with an id the
 * notification names, so support can find it.
 */
@ApplicationScoped
public class ErrorNotifications implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(ErrorNotifications.class);

    void serviceInit(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        ApiProblem problem = apiProblem(event.getThrowable());
        if (problem == null) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(event.getThrowable(), "console error %s", id);
            problem = new ApiProblem(500, "Something went wrong", "The console could not finish that (error id "
                    + id + " in its log)", List.of());
        }
        if (UI.getCurrent() != null) {
            Problems.notify(problem);
        }
    }

    private static ApiProblem apiProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return problem;
            }
        }
        return null;
    }
}
