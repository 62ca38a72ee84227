package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SandboxModuleTest {

  @Test
  @DisplayName("the catalogue finds the sandbox: every resource, writable ones fully, owner and pipeline read-only")
  void descriptor() {
    ProviderDescriptor sandbox = ProviderCatalogue.load().descriptor("sandbox").orElseThrow();
    assertThat(sandbox.name()).isEqualTo("Sandbox");
    assertThat(sandbox.authTypes()).containsExactly("none");
    assertThat(sandbox.resources()).containsExactlyInAnyOrder(Resource.values());
    for (Resource resource : Resource.values()) {
      EnumSet<Operation> expected = resource.writable() ? EnumSet.allOf(Operation.class) : EnumSet.of(Operation.LIST, Operation.GET);
      assertThat(sandbox.support().get(resource)).as(resource.wireName()).isEqualTo(expected);
    }
  }
}
