package lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a {@link PartOfLab} test while one of its labs is at its starting point. */
public final class LabCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        if (element.isEmpty()) return ConditionEvaluationResult.enabled("no element");
        PartOfLab part = element.get().getAnnotation(PartOfLab.class);
        if (part == null) return ConditionEvaluationResult.enabled("not part of a lab");
        List<String> started;
        try {
            started = Labs.of(Path.of("").toAbsolutePath()).started();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String lab : part.value()) {
            if (started.contains(lab)) {
                return ConditionEvaluationResult.disabled("lab " + lab + " is at its starting point;"
                        + " its grade is ./clonix grade " + lab);
            }
        }
        return ConditionEvaluationResult.enabled("the labs it needs are done");
    }
}
