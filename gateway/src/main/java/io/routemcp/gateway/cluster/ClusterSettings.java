package io.routemcp.gateway.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How this node joins the Hazelcast cluster: Vert.x's {@code cluster.xml} (or its default,
 * multicast) unless {@code ROUTEMCP_CLUSTER_MEMBERS} lists the members to reach over TCP, which
 * most cloud networks require. {@code ROUTEMCP_CLUSTER_NAME} keeps separate deployments apart and
 * {@code ROUTEMCP_CLUSTER_HOST} picks the interface to bind.
 */
public final class ClusterSettings {

  private ClusterSettings() {}

  public static Config hazelcastConfig(Map<String, String> env) {
    Config config = ConfigUtil.loadConfig()
        .setProperty("hazelcast.phone.home.enabled", "false")
        .setProperty("hazelcast.logging.type", "slf4j");
    String name = env.get("ROUTEMCP_CLUSTER_NAME");
    if (name != null && !name.isBlank()) {
      config.setClusterName(name);
    }
    NetworkConfig network = config.getNetworkConfig();
    String host = env.get("ROUTEMCP_CLUSTER_HOST");
    if (host != null && !host.isBlank()) {
      network.getInterfaces().setEnabled(true).addInterface(host);
    }
    String members = env.get("ROUTEMCP_CLUSTER_MEMBERS");
    if (members != null && !members.isBlank()) {
      JoinConfig join = network.getJoin();
      join.getMulticastConfig().setEnabled(false);
      List<String> list = Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
      join.getTcpIpConfig().setEnabled(true).setMembers(list);
    }
    return config;
  }
}
