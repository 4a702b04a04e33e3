package mockwebserver3.junit5.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts each {@link StartStop} server and puts it in the extension context's store, which closes
 * it (a {@code Closeable}) when the test, or the class for a static field, is done. As in
 * mockwebserver3-junit5; part of the {@code okhttp4} profile's stand-in.
 */
public final class StartStopExtension implements BeforeEachCallback, BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StartStop.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    startAll(context, context.getRequiredTestClass(), null, field -> isStatic(field));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      startAll(context, instance.getClass(), instance, field -> !isStatic(field));
    }
  }

  private static void startAll(
      ExtensionContext context, Class<?> type, Object instance, Predicate<Field> which)
      throws Exception {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    for (Field field : AnnotationSupport.findAnnotatedFields(type, StartStop.class, which)) {
      field.setAccessible(true);
      if (field.get(instance) instanceof MockWebServer server) {
        store.put(field, server);
        server.start();
      }
    }
  }

  private static boolean isStatic(Field field) {
    return Modifier.isStatic(field.getModifiers());
  }
}
