package io.leadbridge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Where a class concatenates strings with {@code +}: javac 9+ compiles that to an
 * {@code invokedynamic} bootstrapped by {@code StringConcatFactory}, which ArchUnit does not import,
 * so this reads the class file itself. A lambda's body is counted in the method that declares it,
 * as ArchUnit counts a lambda's calls. Not thread-safe (caches one result per class).
 */
final class StringConcatenations {

  private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";
  private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";

  private final Map<String, Map<String, SortedSet<Integer>>> linesByClass = new HashMap<>();

  /** The source lines of the concatenations in a code unit and its lambdas (-1 if compiled without lines). */
  SortedSet<Integer> linesIn(JavaCodeUnit unit) {
    Map<String, SortedSet<Integer>> byMethod = linesByClass.computeIfAbsent(unit.getOwner().getName(), n -> read(unit.getOwner()));
    return byMethod.getOrDefault(unit.getName() + unit.getDescriptor(), Collections.emptySortedSet());
  }

  private static Map<String, SortedSet<Integer>> read(JavaClass type) {
    Source source = type.getSource()
        .orElseThrow(() -> new IllegalStateException(type.getName() + " was imported without its class file"));
    try (InputStream in = source.getUri().toURL().openStream()) {
      Scanner scanner = new Scanner();
      new ClassReader(in.readAllBytes()).accept(scanner, ClassReader.SKIP_FRAMES);
      return scanner.withLambdasFolded();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of " + type.getName(), e);
    }
  }

  /** Collects concatenation lines and lambda bodies per method ({@code name + descriptor}). */
  private static final class Scanner extends ClassVisitor {
    private String className;
    private final Map<String, SortedSet<Integer>> lines = new HashMap<>();
    private final Map<String, Set<String>> lambdas = new HashMap<>();
    private final Set<String> synthetic = new HashSet<>();

    Scanner() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      className = name;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      String method = name + descriptor;
      if ((access & Opcodes.ACC_SYNTHETIC) != 0) {
        synthetic.add(method);
      }
      return new MethodVisitor(Opcodes.ASM9) {
        private int line = -1;

        @Override
        public void visitLineNumber(int number, Label start) {
          line = number;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
          if (bootstrap.getOwner().equals(CONCAT_FACTORY)) {
            lines.computeIfAbsent(method, m -> new TreeSet<>()).add(line);
          } else if (bootstrap.getOwner().equals(LAMBDA_FACTORY)
              && arguments.length > 1
              && arguments[1] instanceof Handle body
              && body.getOwner().equals(className)) {
            lambdas.computeIfAbsent(method, m -> new HashSet<>()).add(body.getName() + body.getDesc());
          }
        }
      };
    }

    /** Each method's lines plus those of every synthetic lambda body it declares, however nested. */
    Map<String, SortedSet<Integer>> withLambdasFolded() {
      Map<String, SortedSet<Integer>> folded = new HashMap<>();
      for (String method : allMethods()) {
        SortedSet<Integer> all = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(Set.of(method));
        while (!todo.isEmpty()) {
          String next = todo.pop();
          if (seen.add(next)) {
            all.addAll(lines.getOrDefault(next, Collections.emptySortedSet()));
            lambdas.getOrDefault(next, Set.of()).stream().filter(synthetic::contains).forEach(todo::push);
          }
        }
        if (!all.isEmpty()) {
          folded.put(method, all);
        }
      }
      return folded;
    }

    private Set<String> allMethods() {
      Set<String> methods = new HashSet<>(lines.keySet());
      methods.addAll(lambdas.keySet());
      return methods;
    }
  }
}
