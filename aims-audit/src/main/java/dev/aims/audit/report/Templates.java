package dev.aims.audit.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The report templates under {@code dev/aims/audit/report/}: HTML ones through a factory that
 * HTML-escapes every value tag, Markdown ones through a factory that escapes what Markdown tables
 * and inline text treat as syntax. Values are never parsed as templates, so record text holding a
 * tag's double braces comes out as text. Every document of aims-audit that is not JSON is rendered
 * here, the auditor's {@code sample.md} included.
 */
public final class Templates {
  private static final String ROOT = "dev/aims/audit/report";

  private static final MustacheFactory HTML = new DefaultMustacheFactory(ROOT);
  private static final MustacheFactory MARKDOWN = new MarkdownFactory();

  private Templates() {}

  /** Renders the HTML template {@code name} with {@code scope}. */
  public static String html(String name, Object scope) {
    return render(HTML, name, scope);
  }

  /**
   * Renders the Markdown template {@code name} (e.g. {@code sample.md.mustache}) with {@code
   * scope}, a map or an object whose values fill the template's tags, each escaped for Markdown.
   */
  public static String markdown(String name, Object scope) {
    return render(MARKDOWN, name, scope);
  }

  private static String render(MustacheFactory factory, String name, Object scope) {
    StringWriter out = new StringWriter();
    factory.compile(name).execute(out, scope);
    return out.toString();
  }

  /**
   * Escapes {@code text} for a Markdown table cell or inline text: a backslash before {@code \ | *
   * _ `} and the brackets of links and images ({@code [ ]}, so that record text cannot make a link
   * or load an image), {@code <} as an entity so no HTML passes through, and line breaks as spaces
   * (a cell is one line).
   */
  static String escapeMarkdown(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '|', '*', '_', '`', '[', ']' -> sb.append('\\').append(c);
        case '<' -> sb.append("&lt;");
        case '\r' -> {
          if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
            sb.append(' ');
          }
        }
        case '\n' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A Mustache factory whose encoder escapes Markdown instead of HTML. */
  private static final class MarkdownFactory extends DefaultMustacheFactory {
    MarkdownFactory() {
      super(ROOT);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(escapeMarkdown(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
