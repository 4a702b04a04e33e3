package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SDK as a named module, checked at run time: a consumer on the class path (the unnamed module)
 * uses every feature of the SDK on the module path, so a package missing from {@code exports}, a
 * record package missing from {@code opens}, or a missing {@code requires} fails here, not in a
 * user's build. The build passes the runtime class path in {@code clavata.runtimeClasspath}; the
 * other tests run on the class path.
 */
class ModulePathTest {

  @Test
  void everyFeatureWorksFromOutsideTheModule() throws Exception {
    String dependencies = System.getProperty("clavata.runtimeClasspath");
    assertThat(dependencies).as("set by the build (maven-dependency-plugin)").isNotBlank();
    Path classes =
        Path.of(ClavataClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path testClasses =
        Path.of(ModulePathTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path",
                    classes + File.pathSeparator + dependencies,
                    "--add-modules",
                    "ai.clavata.sdk,jdk.httpserver",
                    "-cp",
                    testClasses.toString(),
                    "ai.clavata.modulepath.ModulePathConsumer"))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("sdk in module ai.clavata.sdk")
        .contains("consumer in module null")
        .contains("ok");
  }

  @Test
  void theFakeServerWithoutTheJdkHttpServerSaysWhatToAdd() throws Exception {
    String dependencies = System.getProperty("clavata.runtimeClasspath");
    Path classes =
        Path.of(ClavataClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path testClasses =
        Path.of(ModulePathTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path",
                    classes + File.pathSeparator + dependencies,
                    "--add-modules",
                    "ai.clavata.sdk",
                    "--limit-modules",
                    "ai.clavata.sdk,java.base",
                    "-cp",
                    testClasses.toString(),
                    "ai.clavata.modulepath.FakeServerWithoutHttpServer"))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output)
        .contains("java.lang.IllegalStateException")
        .contains("requires jdk.httpserver;")
        .doesNotContain("NoClassDefFoundError");
  }
}
