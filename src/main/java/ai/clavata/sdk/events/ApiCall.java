package ai.clavata.sdk.events;

/**
 * One HTTP call of the SDK, as events name it. A presigned storage URL is named without its query,
 * whose signature is a credential.
 *
 * @param id a number unique in this JVM, the same in every event of the call
 * @param method the HTTP method
 * @param host the host called
 * @param path the URL's path, without the query
 * @param route the path with ids replaced, such as {@code /v1/jobs/{id}}, or {@code storage} for a
 *     presigned storage URL: a tag of bounded cardinality, for metrics
 */
public record ApiCall(long id, String method, String host, String path, String route) {
  /** {@code POST /v1/jobs}: the method and path. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
