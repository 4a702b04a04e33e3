package ai.clavata.sdk.batch.internal;

import ai.clavata.sdk.errors.ApiError;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.ErrorBodies;
import ai.clavata.sdk.internal.http.IoErrors;
import ai.clavata.sdk.internal.http.Redactor;
import ai.clavata.sdk.internal.http.RetryInterceptor;
import ai.clavata.sdk.internal.http.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Talks to the presigned storage URLs of batch files. Its OkHttp client shares the API client's
 * connection pool and dispatcher but none of its interceptors, application or network: no
 * {@code Authorization}, no {@code User-Agent} of ours, no user interceptor that might add headers. It keeps only a retry
 * interceptor of its own, since a PUT of the same file, or a GET, is safe to repeat.
 */
final class Storage {
  private static final MediaType CSV = MediaType.get("text/csv");

  private final OkHttpClient http;
  private final Redactor redactor;

  Storage(OkHttpClient apiHttp, RetryPolicy retryPolicy, Timing timing, Redactor redactor) {
    OkHttpClient.Builder builder = apiHttp.newBuilder().callTimeout(Duration.ZERO);
    builder.interceptors().clear();
    builder.networkInterceptors().clear();
    builder.addInterceptor(new RetryInterceptor(retryPolicy, timing));
    this.http = builder.build();
    this.redactor = redactor;
  }

  /** PUTs {@code file} as {@code text/csv} with a Content-Length (not chunked). */
  void upload(String url, Path file) {
    Request request =
        new Request.Builder()
            .url(parse(url, "inputFileUploadUrl"))
            .put(RequestBody.create(file.toFile(), CSV))
            .tag(CallSafety.class, CallSafety.IDEMPOTENT)
            .build();
    try (Response response = execute(request, "uploading the batch input")) {
      if (!response.isSuccessful()) {
        throw refused(response, "The upload of the batch input", "create a new batch job and upload again");
      }
    }
  }

  /** GETs a file; the caller closes the response. Returns {@code null} on a 400 or 403. */
  Response downloadOrNullIfRefused(String url) {
    Request request =
        new Request.Builder()
            .url(parse(url, "outputFileUrl"))
            .get()
            .tag(CallSafety.class, CallSafety.IDEMPOTENT)
            .build();
    Response response = execute(request, "downloading the batch results");
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      if (response.code() == 400 || response.code() == 403) {
        return null;
      }
      throw refused(response, "The download of the batch results", "try again later");
    }
  }

  /** The error for a refused download after the URL was refreshed once. */
  ClavataApiException expiredDownload(String batchJobId) {
    return new PermissionDeniedException(
        ApiError.of(
            403,
            null,
            "The storage host refused the results URL of batch job " + batchJobId
                + " even after it was fetched again; results are kept at least 30 days, so"
                + " check the job with client.batch().get(id)"));
  }

  private Response execute(Request request, String what) {
    try {
      return http.newCall(request).execute();
    } catch (IOException e) {
      throw IoErrors.toException(what, e);
    }
  }

  private ClavataApiException refused(Response response, String what, String remedy) {
    String said;
    try {
      said = ErrorBodies.excerpt(redactor.redact(response.peekBody(8192).string()));
    } catch (IOException e) {
      said = "";
    }
    int code = response.code();
    if (code == 400 || code == 403) {
      ApiError error =
          ApiError.of(
              code,
              null,
              what + " was refused by the storage host (HTTP " + code + "): the presigned URL may"
                  + " have expired (they are valid about 4 hours); " + remedy + "."
                  + (said.isEmpty() ? "" : " Storage said: " + said));
      return code == 403 ? new PermissionDeniedException(error) : new BadRequestException(error);
    }
    return ErrorBodies.toException(code, response.headers(), said, null, redactor);
  }

  private static HttpUrl parse(String url, String field) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "the batch job's " + field + " is not a valid URL: " + List.of(String.valueOf(url)));
    }
    return parsed;
  }
}
