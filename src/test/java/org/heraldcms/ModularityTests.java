package org.heraldcms;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules reach each other only through their public types; internals stay inside. */
class ModularityTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(Herald.class).verify();
    }
}
