/**
 * What every module may use: the data directory, database selection, error rendering and request
 * limits. It holds no feature of its own.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package com.bharatbuild.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
