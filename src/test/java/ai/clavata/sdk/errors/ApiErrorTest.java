package ai.clavata.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ApiError and the exceptions built by hand, as tests of users code build them. */
class ApiErrorTest extends ErrorMappingTestBase {
  @Test
  void buildsExceptionsByHandForUsersTests() {
    NotFoundException e =
        new NotFoundException(ApiError.of(404, GrpcCode.NOT_FOUND, "job not found"));

    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.grpcCode()).contains(GrpcCode.NOT_FOUND);
    assertThat(e.details()).isEmpty();
    assertThat(e.headers()).isEmpty();
    assertThat(e.requestId()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 404 NOT_FOUND: job not found");
    assertThat(e).isInstanceOf(ClavataException.class).isInstanceOf(RuntimeException.class);

    ApiError nulls = new ApiError(500, null, null, null, null, null);
    assertThat(nulls.message()).isEmpty();
    assertThat(nulls.details()).isEmpty();
    assertThat(nulls.headers()).isEmpty();
    assertThat(new ServerException(nulls).getMessage()).isEqualTo("HTTP 500");
  }

  @Test
  void grpcCodesHaveTheirWireNumbers() {
    assertThat(GrpcCode.forNumber(0)).contains(GrpcCode.OK);
    assertThat(GrpcCode.forNumber(1)).contains(GrpcCode.CANCELLED);
    assertThat(GrpcCode.forNumber(9)).contains(GrpcCode.FAILED_PRECONDITION);
    assertThat(GrpcCode.forNumber(16)).contains(GrpcCode.UNAUTHENTICATED);
    assertThat(GrpcCode.forNumber(17)).isEmpty();
    assertThat(GrpcCode.forNumber(-1)).isEmpty();
    for (GrpcCode code : GrpcCode.values()) {
      assertThat(GrpcCode.forNumber(code.number())).contains(code);
    }
    assertThat(GrpcCode.UNAUTHENTICATED.number()).isEqualTo(16);
  }
}
