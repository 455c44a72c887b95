namespace ServerlessShield;

/// <summary>The resolved payload limits of one function.</summary>
/// <param name="MaxPayloadBytes">The largest input, in bytes.</param>
/// <param name="MaxDepth">The deepest JSON nesting.</param>
/// <param name="MaxKeysPerObject">The most keys in one object.</param>
/// <param name="MaxArrayLength">The most items in one array.</param>
/// <param name="MaxStringLength">The longest string, in characters.</param>
/// <param name="MaxNumberLength">The longest number, in characters.</param>
/// <param name="MaxEnvelopeDepth">How many levels of JSON inside strings are unwrapped.</param>
public sealed record PayloadLimits(
    int MaxPayloadBytes,
    int MaxDepth,
    int MaxKeysPerObject,
    int MaxArrayLength,
    int MaxStringLength,
    int MaxNumberLength,
    int MaxEnvelopeDepth);
