package ai.clavata.sdk.webhooks;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.Job;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Receives the webhook calls Clavata makes when a job completes: checks the shared secret that the
 * request's {@link ai.clavata.sdk.model.Webhook} asked Clavata to send back, and parses the job.
 *
 * <p><b>A shared secret, not a signature.</b> The API signs nothing: it sends back, as {@code
 * X-Webhook-<name>}, the headers you gave it. Put a long random secret in one of them and check it
 * here; anyone who learns the secret can forge calls, so keep it out of logs and URLs, serve the
 * receiver over HTTPS, and treat the payload as a notice (read the job again with {@code
 * client.jobs().get(jobUuid)} before acting on it if forgery matters). The comparison takes the
 * same time whatever the guess, so it leaks nothing about the secret.
 *
 * <p><b>Rotating the secret</b>: create new jobs with the new secret, accept both meanwhile with
 * {@link #orSecret}, and drop the old one once the jobs that carry it have completed.
 *
 * <pre>{@code
 * // when creating jobs
 * Webhook hook = Webhook.of("https://example.com/hooks/clavata").withHeader("Token", secret);
 *
 * // in the handler (JDK HttpServer here; servlets: request::getHeader, Spring: headers::getFirst)
 * WebhookReceiver receiver = WebhookReceiver.withSharedSecret("Token", secret);
 * if (!receiver.isAuthentic(exchange.getRequestHeaders()::getFirst)) {
 *   exchange.sendResponseHeaders(401, -1);
 *   return;
 * }
 * Job job = WebhookReceiver.parseJob(exchange.getRequestBody().readAllBytes());
 * }</pre>
 */
public final class WebhookReceiver {
  /** The prefix Clavata puts before each extra header's name: {@value}. */
  public static final String HEADER_PREFIX = "X-Webhook-";

  private final String headerName;
  private final List<byte[]> secretDigests;

  private WebhookReceiver(String headerName, List<byte[]> secretDigests) {
    this.headerName = headerName;
    this.secretDigests = secretDigests;
  }

  /**
   * A receiver that accepts calls carrying {@code secret} in {@code X-Webhook-<name>}.
   *
   * @param name the header's name as given to {@code Webhook.withHeader}, without the prefix
   * @param secret the secret; at least 16 characters
   * @return the receiver
   * @throws IllegalArgumentException if the name is blank or the secret too short to be one
   */
  public static WebhookReceiver withSharedSecret(String name, String secret) {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the webhook header name must not be blank");
    }
    String header =
        name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())
            ? name
            : HEADER_PREFIX + name;
    return new WebhookReceiver(header, List.of(digest(requireSecret(secret))));
  }

  /**
   * A receiver that also accepts {@code another} secret in the same header, for rotation.
   *
   * @param another a second accepted secret, such as the one being replaced
   * @return a new receiver
   */
  public WebhookReceiver orSecret(String another) {
    List<byte[]> digests = new ArrayList<>(secretDigests);
    digests.add(digest(requireSecret(another)));
    return new WebhookReceiver(headerName, List.copyOf(digests));
  }

  /**
   * The header checked.
   *
   * @return its name, such as {@code X-Webhook-Token}
   */
  public String headerName() {
    return headerName;
  }

  /**
   * Whether a call carries one of the accepted secrets, compared in constant time.
   *
   * @param header looks a request header up by name, ignoring case (as servlets, Spring and the JDK
   *     server do), and returns {@code null} when it is absent
   * @return true if the header is present and holds an accepted secret
   */
  public boolean isAuthentic(Function<String, String> header) {
    Objects.requireNonNull(header, "header must not be null");
    String sent = header.apply(headerName);
    byte[] sentDigest = digest(sent == null ? "" : sent);
    boolean match = false;
    for (byte[] accepted : secretDigests) {
      match |= MessageDigest.isEqual(accepted, sentDigest); // digests: equal lengths, no early out
    }
    return sent != null && match;
  }

  /**
   * Parses a delivered body into the job, tolerantly, as every response is: the bare job, or the
   * job inside {@code {"job": ...}}.
   *
   * @param body the request body, UTF-8 JSON
   * @return the job
   * @throws ClavataDecodeException if the body is not a job
   */
  public static Job parseJob(byte[] body) {
    Objects.requireNonNull(body, "body must not be null");
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw decodeError("it is not JSON", body, e);
    }
    if (tree == null || !tree.isObject()) {
      throw decodeError("it is not a JSON object", body, null);
    }
    JsonNode job = tree.path("job").isObject() ? tree.get("job") : tree;
    try {
      Job parsed = Json.MAPPER.treeToValue(job, Job.class);
      if (parsed.jobUuid() == null) {
        throw decodeError("it has no jobUuid", body, null);
      }
      return parsed;
    } catch (IOException e) {
      throw decodeError("it is not a job", body, e);
    }
  }

  /**
   * Parses a delivered body into the job; see {@link #parseJob(byte[])}.
   *
   * @param body the request body
   * @return the job
   */
  public static Job parseJob(String body) {
    return parseJob(
        Objects.requireNonNull(body, "body must not be null").getBytes(StandardCharsets.UTF_8));
  }

  /** Shows the header checked and how many secrets are accepted, never a secret. */
  @Override
  public String toString() {
    return "WebhookReceiver[" + headerName + ", " + secretDigests.size() + " secret(s)]";
  }

  private static String requireSecret(String secret) {
    Objects.requireNonNull(secret, "secret must not be null");
    if (secret.length() < 16) {
      throw new IllegalArgumentException(
          "a webhook secret of "
              + secret.length()
              + " characters is too easy to guess: use at least 16 random characters");
    }
    return secret;
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static ClavataDecodeException decodeError(String problem, byte[] body, Throwable cause) {
    int shown = Math.min(body.length, 200);
    return new ClavataDecodeException(
        "the webhook body: " + problem,
        0,
        new String(body, 0, shown, StandardCharsets.UTF_8),
        cause);
  }
}
