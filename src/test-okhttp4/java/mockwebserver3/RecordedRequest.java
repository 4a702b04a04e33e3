package mockwebserver3;

import java.io.IOException;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * A request as the server read it: mockwebserver3's class, in the {@code okhttp4} profile's
 * stand-in (plain HTTP/1.1, so there is no handshake).
 */
public final class RecordedRequest {
  private final int connectionIndex;
  private final int exchangeIndex;
  private final String method;
  private final String target;
  private final String version;
  private final HttpUrl url;
  private final Headers headers;
  private final ByteString body;
  private final long bodySize;
  private final List<Integer> chunkSizes;
  private final IOException failure;

  RecordedRequest(
      int connectionIndex,
      int exchangeIndex,
      RequestLine requestLine,
      HttpUrl url,
      Headers headers,
      ByteString body,
      long bodySize,
      List<Integer> chunkSizes,
      IOException failure) {
    this.connectionIndex = connectionIndex;
    this.exchangeIndex = exchangeIndex;
    this.method = requestLine.method();
    this.target = requestLine.target();
    this.version = requestLine.version();
    this.url = url;
    this.headers = headers;
    this.body = body;
    this.bodySize = bodySize;
    this.chunkSizes = chunkSizes == null ? null : List.copyOf(chunkSizes);
    this.failure = failure;
  }

  /** The index of the connection among those the server accepted, from 0. */
  public int getConnectionIndex() {
    return connectionIndex;
  }

  /** The index of this exchange on its connection, from 0. */
  public int getExchangeIndex() {
    return exchangeIndex;
  }

  public String getMethod() {
    return method;
  }

  /** The request target as sent, such as {@code /v1/jobs?x=1}. */
  public String getTarget() {
    return target;
  }

  public String getVersion() {
    return version;
  }

  /** The target resolved against the Host header. */
  public HttpUrl getUrl() {
    return url;
  }

  public Headers getHeaders() {
    return headers;
  }

  /** The body, or null when the request had none. */
  public ByteString getBody() {
    return body;
  }

  public long getBodySize() {
    return bodySize;
  }

  /** The sizes of the body's chunks, or null when the body was not chunked. */
  public List<Integer> getChunkSizes() {
    return chunkSizes;
  }

  /** What failed while reading the request, or null. */
  public IOException getFailure() {
    return failure;
  }

  public String getRequestLine() {
    return method + ' ' + target + ' ' + version;
  }

  @Override
  public String toString() {
    return getRequestLine();
  }
}
