/**
 * Python models. Parse: {@link dev.sluice.core.python.PythonModelScanner} reads {@code dbt.ref}, {@code dbt.source}
 * and {@code dbt.config} literals from the tokens of the file (no Python runs). Execute:
 * {@link dev.sluice.core.python.PythonModels} picks the adapter's own runner or
 * {@link dev.sluice.core.python.LocalPythonRunner}, which starts one CPython per model (found by
 * {@link dev.sluice.core.python.PythonInterpreters}) with the resource {@code sluice_runner.py}, answers its requests
 * for relations through the adapter's {@link dev.sluice.spi.LocalExchange}, and hands the query over the returned
 * DataFrame to the table or incremental materialization.
 */
package dev.sluice.core.python;
