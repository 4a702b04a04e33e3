package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.internal.Sizes;
import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.logging.ClavataLog;
import ai.clavata.sdk.model.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends JSON requests to the API through the configured OkHttp client (whose interceptor chain adds
 * auth and retries) and reads JSON answers: a typed record on success, a typed {@link
 * ClavataException} otherwise. Every response is closed on every path.
 */
public final class Transport {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** How much of an unreadable body goes into a decode error, before redaction and folding. */
  private static final int EXCERPT_BYTES = 4096;

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final Redactor redactor;
  private final Timing timing;
  private final AtomicBoolean closed;
  private final BufferingInterceptor.Limit unaryLimit;
  private final CallEvents events;
  private final ClavataLog log;

  /**
   * Creates a transport.
   *
   * @param http the client built by {@link HttpClients#api}
   * @param baseUrl the API's base URL, possibly with a path prefix
   * @param redactor masks the API key in text from the network
   * @param timing the clock, for {@code Retry-After} dates
   * @param closed set when the owning client is closed; calls then fail fast
   * @param maxResponseSize the largest unary success body read, in bytes
   * @param events the client's call events, also for the storage client
   * @param log the client's log, also for the storage client
   */
  public Transport(
      OkHttpClient http,
      HttpUrl baseUrl,
      Redactor redactor,
      Timing timing,
      AtomicBoolean closed,
      long maxResponseSize,
      CallEvents events,
      ClavataLog log) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.redactor = redactor;
    this.timing = timing;
    this.closed = closed;
    this.unaryLimit = new BufferingInterceptor.Limit(maxResponseSize);
    this.events = events;
    this.log = log;
  }

  /** The client's call events. */
  public CallEvents events() {
    return events;
  }

  /** The client's log. */
  public ClavataLog log() {
    return log;
  }

  /** The OkHttp client, for sub-clients that stream. */
  public OkHttpClient http() {
    return http;
  }

  /** The clock and sleeper shared by retries and polls. */
  public Timing timing() {
    return timing;
  }

  /** A URL builder for {@code segments} under the base URL; each segment is percent-encoded. */
  public HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder builder = baseUrl.newBuilder();
    if (baseUrl.pathSegments().size() == 1 && baseUrl.pathSegments().get(0).isEmpty()) {
      builder.removePathSegment(0);
    }
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder;
  }

  /** GETs {@code url} and reads the body as {@code type}. */
  public <T> T get(HttpUrl url, Class<T> type) {
    return execute(getBuilder(url), type);
  }

  private static Request.Builder getBuilder(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .get()
        .tag(CallSafety.class, CallSafety.IDEMPOTENT)
        .tag(CallRecord.class, CallRecord.tag());
  }

  /** POSTs {@code body} as JSON to {@code url} and reads the answer as {@code type}. */
  public <T> T post(HttpUrl url, JsonNode body, CallSafety safety, Class<T> type) {
    return post(url, bytes(body), safety, type);
  }

  /** POSTs JSON {@code bytes} to {@code url} and reads the answer as {@code type}. */
  public <T> T post(HttpUrl url, byte[] bytes, CallSafety safety, Class<T> type) {
    return execute(jsonPostBuilder(url, bytes, safety), type);
  }

  /**
   * As {@link #get}, with the response's status and headers, the API key masked in their values.
   */
  public <T> ApiResponse<T> getRaw(HttpUrl url, Class<T> type) {
    return executeRaw(getBuilder(url), type);
  }

  /**
   * As {@link #post(HttpUrl, JsonNode, CallSafety, Class)}, with the response's status and headers.
   */
  public <T> ApiResponse<T> postRaw(HttpUrl url, JsonNode body, CallSafety safety, Class<T> type) {
    return postRaw(url, bytes(body), safety, type);
  }

  /**
   * As {@link #post(HttpUrl, byte[], CallSafety, Class)}, with the response's status and headers.
   */
  public <T> ApiResponse<T> postRaw(HttpUrl url, byte[] bytes, CallSafety safety, Class<T> type) {
    return executeRaw(jsonPostBuilder(url, bytes, safety), type);
  }

  /**
   * {@code value} with the status and headers of {@code response} (such as an open stream's), the
   * API key masked in the header values.
   */
  public <T> ApiResponse<T> rawResponse(T value, Response response) {
    return new ApiResponse<>(value, response.code(), redactor.redact(response.headers()));
  }

  /** A POST request carrying JSON {@code bytes}, tagged with how safe it is to retry. */
  public Request jsonPost(HttpUrl url, byte[] bytes, CallSafety safety) {
    return jsonPostBuilder(url, bytes, safety).build();
  }

  private static Request.Builder jsonPostBuilder(HttpUrl url, byte[] bytes, CallSafety safety) {
    return new Request.Builder()
        .url(url)
        .post(ExchangeFailures.tracked(RequestBody.create(bytes, JSON)))
        .tag(CallSafety.class, safety)
        .tag(CallRecord.class, CallRecord.tag());
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a request body", e);
    }
  }

  /** Masks the API key in text from the network. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Executes a call and returns its successful response, still open; the caller must close it. An
   * error status is read, the response closed, and a typed exception thrown.
   */
  public Response open(Request request) {
    return open(http.newCall(request), IoErrors.CALL_TIMEOUT);
  }

  /**
   * Executes a call made by this transport's client or one derived from it (streams use one without
   * a call timeout), with the same error handling as {@link #open(Request)}.
   *
   * @param call the call
   * @param deadline what bounds the whole call and how to raise it, for a timeout's message
   */
  public Response open(Call call, String deadline) {
    if (closed.get()) {
      throw new IllegalStateException(
          "this ClavataClient is closed; create a new one to call " + describe(call.request()));
    }
    Response response;
    try {
      response = call.execute();
    } catch (BufferingInterceptor.TooLarge e) {
      throw new ClavataDecodeException(
          "the response of "
              + describe(call.request())
              + ": it is larger than the "
              + Sizes.describe(e.limit())
              + " limit; raise maxResponseSize(...) if responses this large are expected",
          0,
          "",
          null);
    } catch (IOException e) {
      throw CallRecord.addEarlierFailures(
          call.request(), IoErrors.toException(describe(call.request()), e, redactor, deadline));
    }
    if (!response.isSuccessful()) {
      try (response) {
        throw CallRecord.addEarlierFailures(
            call.request(), ErrorBodies.toException(response, timing.now(), redactor));
      }
    }
    return response;
  }

  /** Executes a unary call and reads its body, which the buffering interceptor read whole. */
  private <T> T execute(Request.Builder builder, Class<T> type) {
    Request request = builder.tag(BufferingInterceptor.Limit.class, unaryLimit).build();
    byte[] body;
    try (Response response = open(request)) {
      body = response.body().source().getBuffer().readByteArray();
    }
    return decode(request, body, type);
  }

  /** As {@link #execute}, keeping the status and the redacted headers; only raw calls pay this. */
  private <T> ApiResponse<T> executeRaw(Request.Builder builder, Class<T> type) {
    Request request = builder.tag(BufferingInterceptor.Limit.class, unaryLimit).build();
    byte[] body;
    int status;
    Headers headers;
    try (Response response = open(request)) {
      body = response.body().source().getBuffer().readByteArray();
      status = response.code();
      headers = response.headers();
    }
    return new ApiResponse<>(decode(request, body, type), status, redactor.redact(headers));
  }

  private <T> T decode(Request request, byte[] body, Class<T> type) {
    try {
      T value = Json.reader(type).readValue(body);
      if (value == null && type != Void.class) {
        throw redactor.decodeError(
            "the response of " + describe(request) + ": it is JSON null", 0, "null", null);
      }
      return value;
    } catch (IOException e) {
      String start =
          redactor.redactExcerpt(
              new String(body, 0, Math.min(body.length, EXCERPT_BYTES), StandardCharsets.UTF_8));
      throw redactor.decodeError(
          "the response of " + describe(request), 0, ErrorBodies.excerpt(start), e);
    }
  }

  /**
   * The list of a response, checked to hold no {@code null} element: a {@code [null]} where records
   * belong is a malformed response, not a shorter one.
   *
   * @param items the parsed list
   * @param what the response, such as {@code "GET /v1/jobs"}
   * @param field the list's JSON name
   * @return {@code items}
   * @throws ClavataDecodeException naming the first null element
   */
  public static <T> List<T> requireNoNulls(List<T> items, String what, String field) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw new ClavataDecodeException(
            "the response of "
                + what
                + ": "
                + field
                + "["
                + i
                + "] is null, where a record belongs",
            0,
            "",
            null);
      }
    }
    return items;
  }

  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }
}
