package dev.sluice.core.jinja;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.io.IOException;

/** Objects that print in templates as their {@code toString()} (relations, tables), not as JSON. */
public interface PyishText extends PyishSerializable {
    @Override
    @SuppressWarnings("unchecked")
    default <T extends Appendable & CharSequence> T appendPyishString(T appendable) throws IOException {
        return (T) appendable.append(toString());
    }
}
