namespace ServerlessShield;

/// <summary>A named set of defaults for limits and rule modes.</summary>
public enum ShieldProfile
{
    /// <summary>The default: limits and injection rules block; limits suit ordinary APIs and messages.</summary>
    Standard = 0,

    /// <summary>Report only: every rule runs in Monitor mode, nothing is blocked. For rolling out safely.</summary>
    Monitor,

    /// <summary>Tighter limits; every rule blocks.</summary>
    Strict,
}
