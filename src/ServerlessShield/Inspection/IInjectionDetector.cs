namespace ServerlessShield;

/// <summary>
/// Detects one class of injection in a string value. Detectors are pure: no state, no I/O, cost linear in the
/// value's length (hand-written scanners or <c>RegexOptions.NonBacktracking</c>, never a backtracking regex).
/// The engine calls a detector on the raw value and on its canonical decoding (<see cref="ValueCanonicalizer"/>).
/// </summary>
public interface IInjectionDetector
{
    /// <summary>The rule reported when the detector matches.</summary>
    ShieldRule Rule { get; }

    /// <summary>Whether the value carries this class of injection.</summary>
    /// <param name="value">A raw or canonically decoded string value.</param>
    /// <returns>True when the value is an attack of this class.</returns>
    bool IsMatch(ReadOnlySpan<char> value);
}
