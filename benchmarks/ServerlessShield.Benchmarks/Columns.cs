using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ServerlessShield.Benchmarks;

// Derived columns, so that a re-run prints the figure the README reports without any arithmetic by hand.
internal abstract class DerivedColumn(string name, string legend) : IColumn
{
    public string Id => GetType().Name + ":" + ColumnName;

    public string ColumnName { get; } = name;

    public string Legend { get; } = legend;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Mean(summary, benchmarkCase) is { } mean ? Compute(summary, benchmarkCase, mean) ?? "-" : "NA";

    protected abstract string? Compute(Summary summary, BenchmarkCase benchmarkCase, double mean);

    protected static double? Mean(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Mean;

    // Another case of the same job that `match` accepts.
    protected static BenchmarkCase? Find(Summary summary, BenchmarkCase of, Func<BenchmarkCase, bool> match) =>
        summary.BenchmarksCases.FirstOrDefault(c => c != of && c.Job.DisplayInfo == of.Job.DisplayInfo && match(c));

    protected static bool SameParameters(BenchmarkCase a, BenchmarkCase b, string? except = null) =>
        a.Parameters.Items.All(p => p.Name == except || Equals(p.Value, b.Parameters[p.Name]));

    protected static string Time(double nanoseconds)
    {
        var abs = Math.Abs(nanoseconds);
        return abs switch
        {
            < 1_000 => nanoseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
            < 1_000_000 => (nanoseconds / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " μs",
            _ => (nanoseconds / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        };
    }
}

// Mean minus the mean of the baseline method with the same parameters: what the shield adds to one invocation.
internal sealed class OverheadColumn() : DerivedColumn("Overhead", "Mean minus the baseline's Mean with the same parameters")
{
    protected override string? Compute(Summary summary, BenchmarkCase benchmarkCase, double mean) =>
        benchmarkCase.Descriptor.Baseline ? "-"
        : Find(summary, benchmarkCase, c => c.Descriptor.Baseline && SameParameters(c, benchmarkCase)) is { } baseline && Mean(summary, baseline) is { } b
            ? Time(mean - b)
            : null;
}

// Mean divided by the payload size in bytes (the Size parameter): flat across sizes means linear time.
internal sealed class NanosecondsPerByteColumn() : DerivedColumn("ns/B", "Mean divided by the payload size (Size) in bytes")
{
    protected override string? Compute(Summary summary, BenchmarkCase benchmarkCase, double mean) =>
        benchmarkCase.Parameters["Size"] is int size and > 0 ? (mean / size).ToString("0.00", CultureInfo.InvariantCulture) : null;
}

// Mean divided by the mean of the same method on the reference value of one parameter (adversarial vs clean).
internal sealed class RatioToParameterColumn(string parameter, object reference, string name)
    : DerivedColumn(name, $"Mean divided by the Mean of the same method with {parameter} = {reference}")
{
    protected override string? Compute(Summary summary, BenchmarkCase benchmarkCase, double mean) =>
        Find(summary, benchmarkCase, c => c.Descriptor.WorkloadMethod == benchmarkCase.Descriptor.WorkloadMethod
                && Equals(c.Parameters[parameter], reference) && SameParameters(c, benchmarkCase, except: parameter)) is { } other
            && Mean(summary, other) is { } m
            ? (mean / m).ToString("0.00", CultureInfo.InvariantCulture)
            : Equals(benchmarkCase.Parameters[parameter], reference) ? "1.00" : null;
}

internal sealed class OverheadConfig : ManualConfig
{
    public OverheadConfig() => AddColumn(new OverheadColumn());
}
