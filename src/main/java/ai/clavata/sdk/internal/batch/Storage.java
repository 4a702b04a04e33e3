package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.errors.ApiError;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.internal.http.CallRecord;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.ErrorBodies;
import ai.clavata.sdk.internal.http.HttpClients;
import ai.clavata.sdk.internal.http.IoErrors;
import ai.clavata.sdk.internal.http.Redactor;
import ai.clavata.sdk.internal.http.RetryPolicy;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.internal.http.Urls;
import java.io.IOException;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Talks to the presigned storage URLs of batch files, through the storage client of {@link
 * HttpClients#storage}: the API client's pool, none of its interceptors (no key, no caller
 * interceptor), retries of its own. A URL is checked before anything connects to it: http(s) only,
 * and plain http only to loopback.
 */
final class Storage {
  private static final MediaType CSV = MediaType.get("text/csv");

  private final OkHttpClient http;
  private final Redactor redactor;

  Storage(Transport transport, RetryPolicy retryPolicy) {
    this.http =
        HttpClients.storage(
            transport.http(), retryPolicy, transport.timing(), transport.events(), transport.log());
    this.redactor = transport.redactor();
  }

  /** PUTs {@code file} as {@code text/csv} with a Content-Length (not chunked). */
  void upload(String url, Path file) {
    Request request =
        new Request.Builder()
            .url(Urls.presigned(url, "inputFileUploadUrl"))
            .put(RequestBody.create(file.toFile(), CSV))
            .tag(CallSafety.class, CallSafety.IDEMPOTENT)
            .tag(CallRecord.class, CallRecord.tag())
            .build();
    try (Response response = execute(request, "uploading the batch input")) {
      if (!response.isSuccessful()) {
        throw CallRecord.addEarlierFailures(
            request,
            refused(
                response,
                "The upload of the batch input",
                "create a new batch job and upload again"));
      }
    }
  }

  /** GETs a file; the caller closes the response. Returns {@code null} on a 400 or 403. */
  Response downloadOrNullIfRefused(String url) {
    Request request =
        new Request.Builder()
            .url(Urls.presigned(url, "outputFileUrl"))
            .get()
            .tag(CallSafety.class, CallSafety.IDEMPOTENT)
            .tag(CallRecord.class, CallRecord.tag())
            .build();
    Response response = execute(request, "downloading the batch results");
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      if (response.code() == 400 || response.code() == 403) {
        return null;
      }
      throw CallRecord.addEarlierFailures(
          request, refused(response, "The download of the batch results", "try again later"));
    }
  }

  /** The error for a refused download after the URL was refreshed once. */
  ClavataApiException expiredDownload(String batchJobId) {
    return new PermissionDeniedException(
        ApiError.of(
            403,
            null,
            "The storage host refused the results URL of batch job "
                + batchJobId
                + " even after it was fetched again; results are kept at least 30 days, so"
                + " check the job with client.batch().get(id)"));
  }

  private Response execute(Request request, String what) {
    try {
      return http.newCall(request).execute();
    } catch (IOException e) {
      throw CallRecord.addEarlierFailures(request, IoErrors.toException(what, e, redactor));
    }
  }

  private ClavataApiException refused(Response response, String what, String remedy) {
    String body = ErrorBodies.read(response);
    String said =
        body.isBlank() ? "" : " Storage said: " + ErrorBodies.excerpt(redactor.redact(body));
    int code = response.code();
    if (code == 400 || code == 403) {
      ApiError error =
          ApiError.of(
              code,
              null,
              what
                  + " was refused by the storage host (HTTP "
                  + code
                  + "): the presigned URL may"
                  + " have expired (they are valid about 4 hours); "
                  + remedy
                  + "."
                  + said);
      return code == 403 ? new PermissionDeniedException(error) : new BadRequestException(error);
    }
    return ErrorBodies.toException(code, response.headers(), body, null, redactor);
  }
}
