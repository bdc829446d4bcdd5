/**
 * dbt 1.8-style unit tests ({@code unit_tests:} in schema YAML): a model's SQL run over fixture rows and compared
 * with expected rows, without building anything in the warehouse.
 *
 * <p>Entry points: {@link dev.sluice.core.unittest.UnitTestRunner#run} (compile, query, compare, grade) and
 * {@link dev.sluice.core.unittest.UnitTestCompiler#compile} (the SQL alone). The parser
 * ({@code manifest.parse.UnitTestBuilder}) turns each entry into a {@code UNIT_TEST} node that depends on its model;
 * {@code build} reverses that edge when it runs, so a model waits for its unit tests.
 *
 * <p>Pieces: {@link dev.sluice.core.unittest.InputRef} (ref/source/this inputs and their CTE names),
 * {@link dev.sluice.core.unittest.FixtureRows} and {@link dev.sluice.core.unittest.CsvText} (dict, csv and sql rows),
 * {@code InputColumns} (fixture column types from the warehouse, YAML, or the values),
 * {@link dev.sluice.core.unittest.FixtureSql} (rows as a typed SELECT), {@code UnitTestHost} and
 * {@code MacroOverrides} (the model's render), {@code ExpectedRows}, {@link dev.sluice.core.unittest.RowComparison}
 * and {@link dev.sluice.core.unittest.DiffText} (the verdict and its message).
 */
package dev.sluice.core.unittest;
