package ai.clavata.sdk.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads, reached by reflection: the benchmarks compile with {@code --release 17}, and run
 * on whatever JDK {@code java.home} names. Everything here fails with {@link
 * UnsupportedOperationException} before Java 21; check {@link #available()} first.
 */
final class VirtualThreads {
  private static final Method START = find(Thread.class, "startVirtualThread", Runnable.class);
  private static final Method PER_TASK = find(Executors.class, "newVirtualThreadPerTaskExecutor");

  private VirtualThreads() {}

  /** Whether this JVM has virtual threads (Java 21 or newer). */
  static boolean available() {
    return START != null && PER_TASK != null && Runtime.version().feature() >= 21;
  }

  /** {@code Thread.startVirtualThread(task)}. */
  static Thread start(Runnable task) {
    return (Thread) invoke(START, task);
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}. */
  static ExecutorService perTaskExecutor() {
    return (ExecutorService) invoke(PER_TASK);
  }

  private static Object invoke(Method method, Object... args) {
    if (!available()) {
      throw new UnsupportedOperationException(
          "virtual threads need Java 21 or newer; this is " + Runtime.version());
    }
    try {
      return method.invoke(null, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Method find(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
