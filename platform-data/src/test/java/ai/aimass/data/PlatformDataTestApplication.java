package ai.aimass.data;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The smallest application that wires the persistence module, for its own tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ PlatformDataConfiguration.class, DataFixtures.class })
class PlatformDataTestApplication {

}
