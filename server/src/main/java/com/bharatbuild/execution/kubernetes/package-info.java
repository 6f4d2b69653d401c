/**
 * The sandbox on Kubernetes, for when one machine cannot hold every workspace: a pod per active
 * workspace, its files copied in and out with tar over exec, commands and the terminal attached
 * through the pod's exec stream, and idle pods deleted.
 */
@NullMarked
package com.bharatbuild.execution.kubernetes;

import org.jspecify.annotations.NullMarked;
