package io.routemcp.gateway.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says: the server's pid, port and status
 * ({@code starting}, {@code ready}, {@code stopping}). The file outlives a killed server, so
 * {@link #liveServerOf} checks the pid still names a postgres of this data directory.
 */
record PostmasterPid(long pid, int port, String status) {

  static Optional<PostmasterPid> read(Path pgData) {
    try {
      List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      String status = lines.size() > 7 ? lines.get(7).trim() : "";
      return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim()), status));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The live server this file describes, when it is a postgres started on {@code pgData}. */
  Optional<ProcessHandle> liveServerOf(Path pgData) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional.empty();
    }
    try {
      String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
      boolean ours = cmdline.contains("postgres") && List.of(cmdline.split("\0")).contains(pgData.toAbsolutePath().toString());
      return ours ? process : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  boolean ready() {
    return "ready".equals(status);
  }
}
