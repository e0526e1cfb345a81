package lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (a class or one method) that needs the reference part of these labs: it is
 * skipped, with the reason given, while any of them is at its starting point in this tree
 * (listed in {@code labs/STARTED}), since the student has not written that part yet. The
 * lab's own grade ({@code ./clonix grade NAME}) is what tells the student how far they are.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LabCondition.class)
public @interface PartOfLab {
    /** The labs, by name ({@code cow}, {@code clone}, ...). */
    String[] value();
}
