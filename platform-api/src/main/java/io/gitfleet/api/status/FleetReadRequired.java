package io.gitfleet.api.status;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks the caller may read the fleet before the endpoint runs. Needed for streams: once an event stream has
 * started its 200, a refusal can only cut the connection, not answer 403.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FleetReadRequired {
}
