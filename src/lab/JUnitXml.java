package lab;

import java.util.List;

/**
 * The grade as JUnit XML, the report CI systems (GitHub Actions, GitLab, Jenkins) read:
 * a {@code testsuites} element holding one {@code testsuite} per lab and one
 * {@code testcase} per test ({@code classname} the lab, {@code name} the test), a failed
 * test with a {@code failure} element whose {@code message} is the reason and whose text
 * is the report, with the command that replays it.
 */
public final class JUnitXml {
    private JUnitXml() {}

    /** The XML text of {@code results}. */
    public static String render(List<LabResult> results) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (LabResult lab : results) {
            long failures = lab.tests().stream().filter(t -> !t.passed()).count();
            long millis = lab.tests().stream().mapToLong(TestResult::hostMillis).sum();
            s.append("  <testsuite name=\"").append(escape(lab.lab().name())).append("\" tests=\"").append(lab.tests().size())
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" time=\"").append(seconds(millis)).append("\">\n");
            for (TestResult t : lab.tests()) {
                s.append("    <testcase classname=\"").append(escape(lab.lab().name())).append("\" name=\"")
                        .append(escape(t.test().name())).append("\" time=\"").append(seconds(t.hostMillis())).append('"');
                if (t.passed()) {
                    s.append("/>\n");
                } else {
                    s.append(">\n      <failure message=\"").append(escape(t.reason())).append("\">")
                            .append(escape(t.message())).append("</failure>\n    </testcase>\n");
                }
            }
            s.append("  </testsuite>\n");
        }
        return s.append("</testsuites>\n").toString();
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /**
     * Text as XML may hold it, in an attribute or an element: the five special characters
     * as entities, and the control characters XML 1.0 forbids (a guest can print anything)
     * as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                case '\n', '\t', '\r' -> s.append(c);
                default -> s.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return s.toString();
    }
}
