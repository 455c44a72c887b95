namespace ServerlessShield.AwsLambda.Tests.Support;

// A detector that fires on a marker string, so tests about where inputs come from and how findings are answered
// do not depend on the built-in detectors' patterns.
internal sealed class MarkerDetector(string marker, ShieldRule rule) : IInjectionDetector
{
    public ShieldRule Rule => rule;

    public bool IsMatch(ReadOnlySpan<char> value) => value.Contains(marker, StringComparison.Ordinal);

    // Options whose inspection runs only the given detectors.
    public static LambdaShieldOptions Options(params IInjectionDetector[] detectors) => new()
    {
        ConfigurePipeline = pipeline => pipeline.Replace<PayloadInspectionMiddleware>(new PayloadInspectionMiddleware(new InjectionScanner(detectors), null)),
    };
}
