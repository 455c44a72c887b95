namespace ServerlessShield.Tests.Inspection.Detectors;

// Runs a detector the way InjectionScanner does: on the raw value and on its canonical decoding.
internal static class DetectorProbe
{
    public static bool Fires(IInjectionDetector detector, string value) =>
        detector.IsMatch(value) || detector.IsMatch(ValueCanonicalizer.Canonicalize(value));

    // A large value built by repeating a unit, for the linear-time tests.
    public static string Repeat(string unit, int totalLength = 1 << 20)
    {
        var builder = new System.Text.StringBuilder(totalLength + unit.Length);
        while (builder.Length < totalLength)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
