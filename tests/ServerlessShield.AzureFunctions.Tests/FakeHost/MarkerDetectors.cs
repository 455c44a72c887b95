namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// Stand-in injection detectors for the worker tests: each fires on one unmistakable marker of its class. The tests pin
/// what the adapter feeds the pipeline and what it does with a finding, not the detectors, which main develops apart.
/// </summary>
public static class MarkerDetectors
{
    public static InjectionScanner Scanner { get; } = new(
    [
        new Marker(ShieldRules.SqlInjection, "' OR '1'='1", "UNION SELECT"),
        new Marker(ShieldRules.CrossSiteScripting, "<script", "onerror="),
        new Marker(ShieldRules.CommandInjection, "; rm ", "$(curl"),
        new Marker(ShieldRules.PathTraversal, "../"),
        new Marker(ShieldRules.JndiLookup, "${jndi:"),
    ]);

    /// <summary>The worker tests' shield pipeline: the default one, with these detectors.</summary>
    public static void Configure(ShieldPipelineBuilder pipeline) =>
        pipeline.Replace<PayloadInspectionMiddleware>(new PayloadInspectionMiddleware(Scanner, html: null));

    private sealed class Marker(ShieldRule rule, params string[] markers) : IInjectionDetector
    {
        public ShieldRule Rule => rule;

        public bool IsMatch(ReadOnlySpan<char> value)
        {
            foreach (var marker in markers)
            {
                if (value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
