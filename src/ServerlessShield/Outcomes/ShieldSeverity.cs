namespace ServerlessShield;

/// <summary>How serious a finding is, in the order a SIEM ranks them.</summary>
public enum ShieldSeverity
{
    /// <summary>Informational.</summary>
    Informational = 1,

    /// <summary>Low.</summary>
    Low = 2,

    /// <summary>Medium.</summary>
    Medium = 3,

    /// <summary>High.</summary>
    High = 4,

    /// <summary>Critical.</summary>
    Critical = 5,
}
