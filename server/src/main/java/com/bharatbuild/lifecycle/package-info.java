/**
 * A project's life beyond editing: the starter templates it begins from, bringing code in as a zip
 * and taking it out again.
 */
@NullMarked
package com.bharatbuild.lifecycle;

import org.jspecify.annotations.NullMarked;
