namespace ServerlessShield;

/// <summary>
/// Payload limits. A value left null takes the profile's default; the README's profile table lists them
/// (<see cref="ShieldProfile.Standard"/>: 1 MiB, depth 64; <see cref="ShieldProfile.Strict"/>: 256 KiB, depth 32).
/// </summary>
public sealed class PayloadLimitsOptions
{
    /// <summary>The largest input, in bytes. Null: the profile's default.</summary>
    public int? MaxPayloadBytes { get; set; }

    /// <summary>The deepest JSON nesting allowed. Null: the profile's default.</summary>
    public int? MaxDepth { get; set; }

    /// <summary>The most keys in one JSON object. Null: the profile's default.</summary>
    public int? MaxKeysPerObject { get; set; }

    /// <summary>The most items in one JSON array. Null: the profile's default.</summary>
    public int? MaxArrayLength { get; set; }

    /// <summary>The longest string value, in characters. Null: the profile's default.</summary>
    public int? MaxStringLength { get; set; }

    /// <summary>The longest JSON number, in characters. Null: the profile's default.</summary>
    public int? MaxNumberLength { get; set; }

    /// <summary>How many levels of JSON inside JSON strings are unwrapped and inspected. Null: the profile's default (3).</summary>
    public int? MaxEnvelopeDepth { get; set; }
}
