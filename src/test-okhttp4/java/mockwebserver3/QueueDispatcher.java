package mockwebserver3;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The default dispatcher: serves the {@link MockWebServer#enqueue enqueued} responses in order,
 * blocking until one is there. Part of the {@code okhttp4} profile's mockwebserver3 stand-in.
 */
public class QueueDispatcher extends Dispatcher {
  /** Handed out after {@link #close}, to every request still waiting; never written. */
  private static final MockResponse DEAD_LETTER =
      new MockResponse.Builder().status("HTTP/1.1 503 shutting down").build();

  private final BlockingQueue<MockResponse> responseQueue = new LinkedBlockingQueue<>();
  private volatile MockResponse failFastResponse;

  protected final BlockingQueue<MockResponse> getResponseQueue() {
    return responseQueue;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    MockResponse failFast = failFastResponse;
    if (failFast != null && responseQueue.peek() == null) {
      return failFast;
    }
    MockResponse result = responseQueue.take();
    if (result == DEAD_LETTER) {
      responseQueue.add(DEAD_LETTER); // releases the next waiting request too
    }
    return result;
  }

  @Override
  public MockResponse peek() {
    MockResponse next = responseQueue.peek();
    if (next != null) {
      return next;
    }
    MockResponse failFast = failFastResponse;
    return failFast != null ? failFast : super.peek();
  }

  public void enqueue(MockResponse response) {
    responseQueue.add(response);
  }

  public void clear() {
    responseQueue.clear();
  }

  @Override
  public void close() {
    responseQueue.add(DEAD_LETTER);
  }

  /** With {@code true}, a request finding the queue empty gets a 404 instead of waiting. */
  public void setFailFast(boolean failFast) {
    setFailFast(failFast ? new MockResponse.Builder().code(404).build() : null);
  }

  /** A request finding the queue empty gets {@code failFastResponse}; null waits (the default). */
  public void setFailFast(MockResponse failFastResponse) {
    this.failFastResponse = failFastResponse;
  }
}
