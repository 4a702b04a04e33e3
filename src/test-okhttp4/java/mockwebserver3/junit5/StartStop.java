package mockwebserver3.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import mockwebserver3.junit5.internal.StartStopExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a {@code MockWebServer} field: starts the server before each test (before all tests for a
 * static field) and closes it after. mockwebserver3-junit5's annotation, in the stand-in that the
 * {@code okhttp4} profile compiles instead of mockwebserver3 5.x.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StartStopExtension.class)
public @interface StartStop {}
