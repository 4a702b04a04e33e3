package mockwebserver3;

import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okio.Buffer;

/**
 * A scripted, immutable response: mockwebserver3's class and its {@link Builder}, in the stand-in
 * that the {@code okhttp4} profile compiles instead of mockwebserver3 5.x. It holds what the
 * builder offers here: status line, headers, body, headers delay, body throttling, {@code
 * doNotReadRequestBody} and the socket effects at the start and in the middle of the body.
 */
public final class MockResponse {
  private final String status;
  private final Headers headers;
  private final MockResponseBody body;
  private final long throttleBytesPerPeriod;
  private final long throttlePeriodNanos;
  private final long headersDelayNanos;
  private final boolean doNotReadRequestBody;
  private final SocketEffect onResponseStart;
  private final SocketEffect onResponseBody;

  /** A response with {@code code}, exactly {@code headers}, and {@code body}. */
  public MockResponse(int code, Headers headers, String body) {
    this(new Builder().code(code).headers(headers).body(body));
  }

  private MockResponse(Builder builder) {
    this.status = builder.status;
    this.headers = builder.headers.build();
    this.body = builder.body;
    this.throttleBytesPerPeriod = builder.throttleBytesPerPeriod;
    this.throttlePeriodNanos = builder.throttlePeriodNanos;
    this.headersDelayNanos = builder.headersDelayNanos;
    this.doNotReadRequestBody = builder.doNotReadRequestBody;
    this.onResponseStart = builder.onResponseStart;
    this.onResponseBody = builder.onResponseBody;
  }

  /** The whole status line, such as {@code HTTP/1.1 200 OK}. */
  public String getStatus() {
    return status;
  }

  public int getCode() {
    return Integer.parseInt(statusPart(1));
  }

  public String getMessage() {
    return statusPart(2);
  }

  private String statusPart(int index) {
    String[] parts = status.split(" ", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException("Unexpected status: " + status);
    }
    return parts[index];
  }

  public Headers getHeaders() {
    return headers;
  }

  /** The body, or null for none. */
  public MockResponseBody getBody() {
    return body;
  }

  public long getThrottleBytesPerPeriod() {
    return throttleBytesPerPeriod;
  }

  public long getThrottlePeriodNanos() {
    return throttlePeriodNanos;
  }

  public long getHeadersDelayNanos() {
    return headersDelayNanos;
  }

  public boolean getDoNotReadRequestBody() {
    return doNotReadRequestBody;
  }

  public SocketEffect getOnResponseStart() {
    return onResponseStart;
  }

  public SocketEffect getOnResponseBody() {
    return onResponseBody;
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return status;
  }

  /** Builds a {@link MockResponse}: a 200 with {@code Content-Length: 0} unless told otherwise. */
  public static final class Builder {
    private String status;
    private Headers.Builder headers;
    private MockResponseBody body;
    private long throttleBytesPerPeriod;
    private long throttlePeriodNanos;
    private long headersDelayNanos;
    private boolean doNotReadRequestBody;
    private SocketEffect onResponseStart;
    private SocketEffect onResponseBody;

    public Builder() {
      this.status = "HTTP/1.1 200 OK";
      this.headers = new Headers.Builder().add("Content-Length", "0");
      this.throttleBytesPerPeriod = Long.MAX_VALUE;
    }

    public Builder(MockResponse response) {
      this.status = response.status;
      this.headers = response.headers.newBuilder();
      this.body = response.body;
      this.throttleBytesPerPeriod = response.throttleBytesPerPeriod;
      this.throttlePeriodNanos = response.throttlePeriodNanos;
      this.headersDelayNanos = response.headersDelayNanos;
      this.doNotReadRequestBody = response.doNotReadRequestBody;
      this.onResponseStart = response.onResponseStart;
      this.onResponseBody = response.onResponseBody;
    }

    /** The status line {@code HTTP/1.1 code reason}, the reason chosen by the code's class. */
    public Builder code(int code) {
      String reason;
      if (code >= 100 && code < 200) {
        reason = "Informational";
      } else if (code >= 200 && code < 300) {
        reason = "OK";
      } else if (code >= 300 && code < 400) {
        reason = "Redirection";
      } else if (code >= 400 && code < 500) {
        reason = "Client Error";
      } else if (code >= 500 && code < 600) {
        reason = "Server Error";
      } else {
        reason = "Mock Response";
      }
      this.status = "HTTP/1.1 " + code + " " + reason;
      return this;
    }

    /** The whole status line, written as given (it need not be valid HTTP). */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /** Adds a {@code name: value} header line. */
    public Builder addHeader(String header) {
      headers.add(header);
      return this;
    }

    public Builder addHeader(String name, Object value) {
      headers.add(name, value.toString());
      return this;
    }

    /** Replaces every header named {@code name}. */
    public Builder setHeader(String name, Object value) {
      removeHeader(name);
      return addHeader(name, value);
    }

    public Builder removeHeader(String name) {
      headers.removeAll(name);
      return this;
    }

    /** Replaces all headers, {@code Content-Length} included. */
    public Builder headers(Headers headers) {
      this.headers = headers.newBuilder();
      return this;
    }

    public Builder body(Buffer body) {
      return body(new BufferBody(body));
    }

    /** The body, and {@code Content-Length} set to its length (as the real one does, even -1). */
    public Builder body(MockResponseBody body) {
      setHeader("Content-Length", body.getContentLength());
      this.body = body;
      return this;
    }

    /** The UTF-8 bytes of {@code body}. */
    public Builder body(String body) {
      return body(new Buffer().writeUtf8(body));
    }

    /**
     * Sleeps {@code period} after each {@code bytesPerPeriod} bytes of this response's body, and of
     * the request body read while this response is the next one.
     */
    public Builder throttleBody(long bytesPerPeriod, long period, TimeUnit unit) {
      this.throttleBytesPerPeriod = bytesPerPeriod;
      this.throttlePeriodNanos = unit.toNanos(period);
      return this;
    }

    /** Waits before writing the status line (the wait ends early if the server closes). */
    public Builder headersDelay(long delay, TimeUnit unit) {
      this.headersDelayNanos = unit.toNanos(delay);
      return this;
    }

    /** Leaves the request body unread on the socket. */
    public Builder doNotReadRequestBody() {
      this.doNotReadRequestBody = true;
      return this;
    }

    /** Applies {@code effect} once the request is read, instead of answering. */
    public Builder onResponseStart(SocketEffect effect) {
      this.onResponseStart = effect;
      return this;
    }

    /** Applies {@code effect} after half the body (by its content length) is written. */
    public Builder onResponseBody(SocketEffect effect) {
      this.onResponseBody = effect;
      return this;
    }

    public MockResponse build() {
      return new MockResponse(this);
    }
  }
}
