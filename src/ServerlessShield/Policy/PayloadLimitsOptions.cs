namespace ServerlessShield;

/// <summary>
/// Payload limits. A value left null takes the profile's default (<see cref="ShieldProfile.Standard"/>: 1 MiB and
/// depth 64; <see cref="ShieldProfile.Strict"/>: 256 KiB and depth 32).
/// </summary>
public sealed class PayloadLimitsOptions
{
    /// <summary>The largest input, in bytes. Null: the profile's default.</summary>
    public int? MaxPayloadBytes { get; set; }

    /// <summary>The deepest JSON nesting allowed. Null: the profile's default.</summary>
    public int? MaxDepth { get; set; }
}
