/**
 * The edit engine's core, free of Spring and of any library: parses unified diffs as language
 * models write them ({@link com.bharatbuild.edits.engine.UnifiedDiffParser}), places them on a file
 * all or nothing and tolerates the usual model mistakes ({@link
 * com.bharatbuild.edits.engine.PatchApplier}), reads the operation markup of SPEC section 3 out of
 * a streamed answer ({@link com.bharatbuild.edits.engine.OperationStreamParser}) and decides what
 * one operation does to a file ({@link com.bharatbuild.edits.engine.FileEdit}). Everything here is
 * a pure function of its inputs: no I/O, no clocks, no shared state.
 */
package com.bharatbuild.edits.engine;
