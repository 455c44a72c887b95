namespace ServerlessShield;

/// <summary>
/// Runs a set of detectors over one string value, on the raw value and on its canonical decoding, and lists the
/// rules that fire. Each rule is reported once per value.
/// </summary>
public sealed class InjectionScanner
{
    private readonly IInjectionDetector[] _detectors;

    /// <summary>Creates a scanner over the given detectors.</summary>
    /// <param name="detectors">The detectors, in the order they run.</param>
    public InjectionScanner(IEnumerable<IInjectionDetector> detectors)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        _detectors = [.. detectors];
    }

    /// <summary>A scanner over every built-in detector.</summary>
    public static InjectionScanner Default { get; } = new(BuiltInDetectors.All);

    /// <summary>The detectors, in the order they run.</summary>
    public IReadOnlyList<IInjectionDetector> Detectors => _detectors;

    /// <summary>Scans a value and adds each rule that fires to <paramref name="hits"/>.</summary>
    /// <param name="value">The raw string value.</param>
    /// <param name="hits">Receives the rules that fire, each once.</param>
    public void Scan(string value, ICollection<ShieldRule> hits)
    {
        ArgumentNullException.ThrowIfNull(value);
        Scan(value.AsSpan(), hits);
    }

    /// <summary>Scans a value and adds each rule that fires to <paramref name="hits"/>. Decoding uses pooled buffers.</summary>
    /// <param name="value">The raw value.</param>
    /// <param name="hits">Receives the rules that fire, each once.</param>
    public void Scan(ReadOnlySpan<char> value, ICollection<ShieldRule> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (value.IsEmpty)
        {
            return;
        }

        // The decoding is read from the value itself, into pooled buffers, only when something may decode.
        var decoding = default(DecodedChars);
        try
        {
            var decoded = ValueCanonicalizer.MayDecode(value) && ValueCanonicalizer.TryCanonicalize(value, ref decoding)
                && !value.SequenceEqual(decoding.Span);
            var canonical = decoding.Span;
            foreach (var detector in _detectors)
            {
                if ((detector.IsMatch(value) || (decoded && detector.IsMatch(canonical))) && !hits.Contains(detector.Rule))
                {
                    hits.Add(detector.Rule);
                }
            }
        }
        finally
        {
            decoding.Dispose();
        }
    }

    /// <summary>Judges a JSON property name with the detectors that understand names (<see cref="IPropertyNameDetector"/>).</summary>
    /// <param name="name">The unescaped property name.</param>
    /// <param name="hits">Receives the rules that fire, each once.</param>
    public void ScanPropertyName(ReadOnlySpan<char> name, ICollection<ShieldRule> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        foreach (var detector in _detectors)
        {
            if (detector is IPropertyNameDetector names && names.IsMatchPropertyName(name) && !hits.Contains(detector.Rule))
            {
                hits.Add(detector.Rule);
            }
        }
    }

    /// <summary>Scans a value and returns the rules that fire.</summary>
    /// <param name="value">The raw string value.</param>
    /// <returns>The rules, each once, in detector order.</returns>
    public IReadOnlyList<ShieldRule> Scan(string value)
    {
        var hits = new List<ShieldRule>();
        Scan(value, hits);
        return hits;
    }
}
