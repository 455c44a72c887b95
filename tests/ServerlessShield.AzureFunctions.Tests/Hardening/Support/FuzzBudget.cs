using System.Globalization;
using FsCheck;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// How many generated invocations the worker fuzz tests send: <c>SERVERLESSSHIELD_FUZZ_CASES</c> (the variable the
/// hardening suite reads) is the total, split between the properties; CI runs the small default.
/// </summary>
public static class FuzzBudget
{
    public const int DefaultTotalCases = 400;

    public static int Total
    {
        get
        {
            var text = Environment.GetEnvironmentVariable("SERVERLESSSHIELD_FUZZ_CASES");
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 1 ? parsed : DefaultTotalCases;
        }
    }

    /// <summary>The cases of one of the worker fuzz properties (there are two).</summary>
    public static int PerProperty => Math.Max(1, Total / 2);

    public static Config Configured(int cases) => Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true).WithEndSize(40);
}
