package mockwebserver3;

import java.io.Closeable;

/**
 * Chooses the response to each request: mockwebserver3's abstract class, in the {@code okhttp4}
 * profile's stand-in.
 */
public abstract class Dispatcher implements Closeable {

  /** The response to {@code request}; may block, for instance on a latch. */
  public abstract MockResponse dispatch(RecordedRequest request) throws InterruptedException;

  /**
   * An early guess of the next response, which decides how the request body is read (throttling,
   * {@code doNotReadRequestBody}). By default a plain 200.
   */
  public MockResponse peek() {
    return new MockResponse.Builder().build();
  }

  /** Releases any request waiting in {@link #dispatch}; the server calls it when it closes. */
  @Override
  public void close() {}
}
