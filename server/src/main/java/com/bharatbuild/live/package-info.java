/**
 * The live project channel: one WebSocket per open project through which every tab sees replies
 * streaming, files changing, runs starting and ending, problems and the balance, numbered per
 * project so a tab that reconnects catches up on what it missed.
 */
@NullMarked
package com.bharatbuild.live;

import org.jspecify.annotations.NullMarked;
