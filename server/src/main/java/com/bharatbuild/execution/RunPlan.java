package com.bharatbuild.execution;

import java.util.List;

/** The commands of one run, in order; a step that fails ends the run. */
record RunPlan(String summary, List<Step> steps) {

  /**
   * @param network whether the step may reach the network: only steps that fetch packages
   */
  record Step(String command, boolean network) {}

  RunPlan {
    steps = List.copyOf(steps);
  }

  static RunPlan single(String command) {
    return new RunPlan(
        command, List.of(new Step(command, InstallCommands.fetchesPackages(command))));
  }
}
