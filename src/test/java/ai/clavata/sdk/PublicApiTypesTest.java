package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Jackson type in the public API: a user's own Jackson version (a BOM may force an older one)
 * then never meets ours in a signature, and the SDK could change its JSON library without breaking
 * anyone. Checks every public member of every class in the exported packages.
 */
class PublicApiTypesTest {
  private static final Set<String> EXPORTED =
      Set.of(
          "ai.clavata.sdk",
          "ai.clavata.sdk.batch",
          "ai.clavata.sdk.errors",
          "ai.clavata.sdk.events",
          "ai.clavata.sdk.jobs",
          "ai.clavata.sdk.labels",
          "ai.clavata.sdk.model",
          "ai.clavata.sdk.stream",
          "ai.clavata.sdk.testing",
          "ai.clavata.sdk.webhooks");

  @Test
  void theExportedPackagesAreTheOnesChecked() throws Exception {
    Path moduleInfo = classes().resolve("module-info.class");
    ModuleDescriptor descriptor = ModuleDescriptor.read(Files.newInputStream(moduleInfo));
    assertThat(descriptor.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrderElementsOf(EXPORTED);
  }

  @Test
  void noPublicSignatureNamesAJacksonType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicClasses()) {
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
          check(leaks, type, m.getName(), m.getGenericReturnType());
          for (Type p : m.getGenericParameterTypes()) {
            check(leaks, type, m.getName(), p);
          }
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(c.getModifiers())) {
          for (Type p : c.getGenericParameterTypes()) {
            check(leaks, type, "<init>", p);
          }
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          check(leaks, type, f.getName(), f.getGenericType());
        }
      }
      check(leaks, type, "extends", type.getGenericSuperclass());
      for (Type i : type.getGenericInterfaces()) {
        check(leaks, type, "implements", i);
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static void check(List<String> leaks, Class<?> owner, String member, Type type) {
    if (type != null && type.getTypeName().contains("com.fasterxml")) {
      leaks.add(owner.getName() + "." + member + ": " + type.getTypeName());
    }
  }

  private static Path classes() throws Exception {
    return Path.of(ClavataClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<Class<?>> publicClasses() throws Exception {
    Path root = classes();
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("ai/clavata/sdk"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        String pkg = name.substring(0, name.lastIndexOf('.'));
        if (!EXPORTED.contains(pkg) || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, ClavataClient.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          found.add(type);
        }
      }
    }
    assertThat(found).hasSizeGreaterThan(50);
    return found;
  }
}
