package io.leadbridge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The tables a class's SQL names: every string constant of its class file (Jdbi annotations'
 * statements, constant fields, literals in code; javac folds constant concatenations into one)
 * that starts like a statement, searched for the names after {@code FROM}, {@code JOIN},
 * {@code INTO}, {@code UPDATE} and {@code MERGE INTO}. ArchUnit does not import constant values, so
 * this reads the class file itself. Stateless; thread-safe.
 */
final class SqlTables {

  private static final Pattern STATEMENT = Pattern.compile("^\\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH)\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(?!(?:SET|SKIP|FINAL|NOWAIT|ONLY|LATERAL)\\b)([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)",
      Pattern.CASE_INSENSITIVE);

  private SqlTables() {}

  /** The tables named by the class's statements, lower case. */
  static SortedSet<String> of(JavaClass type) {
    Source source = type.getSource()
        .orElseThrow(() -> new IllegalStateException(type.getName() + " was imported without its class file"));
    SortedSet<String> tables = new TreeSet<>();
    try (InputStream in = source.getUri().toURL().openStream()) {
      new ClassReader(in.readAllBytes()).accept(new Strings(tables), ClassReader.SKIP_FRAMES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of " + type.getName(), e);
    }
    return tables;
  }

  private static void collect(Object constant, SortedSet<String> tables) {
    if (constant instanceof String text && STATEMENT.matcher(text).matches()) {
      Matcher table = TABLE.matcher(text);
      while (table.find()) {
        tables.add(table.group(1).toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Visits every string constant of a class file. */
  private static final class Strings extends ClassVisitor {
    private final SortedSet<String> tables;

    Strings(SortedSet<String> tables) {
      super(Opcodes.ASM9);
      this.tables = tables;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      collect(value, tables);
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitLdcInsn(Object value) {
          collect(value, tables);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          return values();
        }
      };
    }

    private AnnotationVisitor values() {
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String name, Object value) {
          collect(value, tables);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
          return this;
        }
      };
    }
  }
}
