package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.errors.ApiError;
import ai.clavata.sdk.errors.AuthenticationException;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ConflictException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.errors.PrecheckFailure;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.errors.UnexpectedStatusException;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.model.PrecheckMatchConfidence;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Turns an error response into the typed exception of {@code ai.clavata.sdk.errors}.
 *
 * <p>The body is a {@code google.rpc.Status} ({@code {"code", "message", "details"}}), on streams
 * wrapped as {@code {"error": Status}}; a proxy may send anything else, such as an HTML 502 page,
 * which is kept as a bounded excerpt. Classification uses the gRPC code when the body has one, else
 * the HTTP status; any {@code PrecheckFailure} detail makes it a refusal whatever the code.
 */
public final class ErrorBodies {
  /** How much of a body that is not a Status goes into the message. */
  static final int EXCERPT_CHARS = 512;

  /** Error bodies are read up to this size; the rest is not needed for a message. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private static final String PRECHECK_TYPE = "clavata.gateway.v1.PrecheckFailure";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ErrorBodies() {}

  /**
   * The start of an error response's body, up to {@value #MAX_ERROR_BODY} bytes, as text: what
   * every error message is built from. A body that cannot be read reads as empty; the caller closes
   * the response.
   *
   * @param response an error response
   * @return the body's text, bounded
   */
  public static String read(Response response) {
    try {
      BufferedSource source = response.body().source();
      source.request(MAX_ERROR_BODY);
      long size = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
      return source.getBuffer().snapshot((int) size).utf8();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The exception for an API error response: its body read as {@link #read} does, its {@code
   * Retry-After} taken at {@code now}. The caller closes the response.
   *
   * @param response an error response
   * @param now the time a {@code Retry-After} date counts from
   * @param redactor masks the API key in text from the network
   */
  public static ClavataApiException toException(Response response, Instant now, Redactor redactor) {
    return toException(
        response.code(),
        response.headers(),
        read(response),
        RetryAfter.parse(response.headers(), now),
        redactor);
  }

  /**
   * The exception for an error response.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body text, already bounded by the caller
   * @param retryAfter the wait the server asked for, or {@code null}
   * @param redactor masks the API key in text from the network
   */
  public static ClavataApiException toException(
      int status, Headers headers, String body, Duration retryAfter, Redactor redactor) {
    JsonNode statusNode = statusNode(body);
    if (statusNode == null) {
      // Mask before cutting: a cut through the key would leave part of it unmasked.
      String message = excerpt(redactor.redact(body));
      return classify(
          apiError(status, null, message, List.of(), headers, redactor), List.of(), retryAfter);
    }
    return fromStatusNode(status, statusNode, headers, retryAfter, redactor);
  }

  /**
   * The exception for an {@code {"error": Status}} line in the middle of a stream, whose HTTP
   * status was already 200: the status reported is the one the gateway maps the code to.
   *
   * @param status the Status object (the value of the line's {@code error} key)
   * @param headers the stream's response headers
   * @param redactor masks the API key in text from the network
   */
  public static ClavataApiException fromStatus(
      JsonNode status, Headers headers, Redactor redactor) {
    JsonNode statusNode =
        status.isObject() ? status : Json.MAPPER.createObjectNode().put("message", status.asText());
    GrpcCode code = code(statusNode);
    return fromStatusNode(
        code != null ? code.httpStatus() : 500, statusNode, headers, null, redactor);
  }

  private static ClavataApiException fromStatusNode(
      int status, JsonNode received, Headers headers, Duration retryAfter, Redactor redactor) {
    JsonNode statusNode = redactor.redact(received); // details and refusals are exposed as well
    List<Map<String, Object>> details = new ArrayList<>();
    List<PrecheckFailure> failures = new ArrayList<>();
    for (JsonNode detail : statusNode.path("details")) {
      if (detail.isObject()) {
        details.add(Json.MAPPER.convertValue(detail, MAP));
        if (isPrecheckFailure(detail)) {
          failures.add(precheckFailure(detail));
        }
      }
    }
    String message = statusNode.path("message").asText("");
    ApiError error = apiError(status, code(statusNode), message, details, headers, redactor);
    return classify(error, failures, retryAfter);
  }

  private static ApiError apiError(
      int status,
      GrpcCode code,
      String message,
      List<Map<String, Object>> details,
      Headers headers,
      Redactor redactor) {
    return new ApiError(
        status,
        code,
        message,
        details,
        redactor.redact(requestId(headers)),
        redactor.redact(headers));
  }

  private static GrpcCode code(JsonNode statusNode) {
    JsonNode codeNode = statusNode.get("code");
    if (codeNode != null && codeNode.canConvertToInt()) {
      return GrpcCode.forNumber(codeNode.asInt()).orElse(null);
    }
    return codeNode != null && codeNode.isTextual() ? codeFromText(codeNode.asText()) : null;
  }

  /** A body's text cut to {@link #EXCERPT_CHARS}, whitespace folded, for messages. */
  public static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String folded = body.strip().replaceAll("\\s+", " ");
    return folded.length() <= EXCERPT_CHARS ? folded : folded.substring(0, EXCERPT_CHARS) + "…";
  }

  private static ClavataApiException classify(
      ApiError error, List<PrecheckFailure> failures, Duration retryAfter) {
    if (!failures.isEmpty()
        || error.grpcCode() == GrpcCode.CANCELLED
        || (error.grpcCode() == null && error.httpStatus() == 499)) {
      return new ContentRefusedException(error, failures);
    }
    if (error.grpcCode() != null && error.grpcCode() != GrpcCode.OK) {
      switch (error.grpcCode()) {
        case INVALID_ARGUMENT:
        case FAILED_PRECONDITION:
        case OUT_OF_RANGE:
          return new BadRequestException(error);
        case UNAUTHENTICATED:
          return new AuthenticationException(error);
        case PERMISSION_DENIED:
          return new PermissionDeniedException(error);
        case NOT_FOUND:
          return new NotFoundException(error);
        case ALREADY_EXISTS:
        case ABORTED:
          return new ConflictException(error);
        case RESOURCE_EXHAUSTED:
          return new RateLimitException(error, retryAfter);
        default:
          return new ServerException(error);
      }
    }
    int status = error.httpStatus();
    switch (status) {
      case 400:
        return new BadRequestException(error);
      case 401:
        return new AuthenticationException(error);
      case 403:
        return new PermissionDeniedException(error);
      case 404:
        return new NotFoundException(error);
      case 409:
        return new ConflictException(error);
      case 429:
        return new RateLimitException(error, retryAfter);
      default:
        return status >= 500 && status <= 599
            ? new ServerException(error)
            : new UnexpectedStatusException(error);
    }
  }

  /** The Status object of a body, unwrapping {@code {"error": Status}}; null if not JSON. */
  private static JsonNode statusNode(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String trimmed = body.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(trimmed);
    } catch (IOException notJson) {
      return null;
    }
    JsonNode error = root.get("error");
    if (error != null && error.isObject()) {
      return error;
    }
    if (error != null && error.isTextual() && !root.has("message")) {
      return Json.MAPPER.createObjectNode().put("message", error.asText());
    }
    return root.has("code") || root.has("message") ? root : null;
  }

  private static GrpcCode codeFromText(String text) {
    try {
      return GrpcCode.valueOf(text.trim());
    } catch (IllegalArgumentException notAName) {
      return null;
    }
  }

  /** By {@code @type}, or, since the OpenAPI 499 schema omits it, by a precheck {@code type}. */
  private static boolean isPrecheckFailure(JsonNode detail) {
    String type = detail.path("@type").asText("");
    if (!type.isEmpty()) {
      return type.endsWith(PRECHECK_TYPE);
    }
    return detail.path("type").asText("").startsWith("PRECHECK_FAILURE_TYPE_");
  }

  private static PrecheckFailure precheckFailure(JsonNode detail) {
    JsonNode hash = detail.get("details");
    return new PrecheckFailure(
        PrecheckFailureType.fromWire(detail.path("type").asText(null)),
        detail.path("message").asText(""),
        hash != null && hash.isTextual() ? hash.asText() : null,
        PrecheckMatchConfidence.fromWire(detail.path("matchConfidence").asText(null)));
  }

  /** The first request-id header the response has, or {@code null}. */
  static String requestId(Headers headers) {
    for (String name : ApiResponse.REQUEST_ID_HEADERS) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
