namespace ServerlessShield;

/// <summary>
/// The built-in rules. The README's rule table is generated from this list and a test pins every id and name.
/// </summary>
public static class ShieldRules
{
    /// <summary>The payload is larger than the configured maximum.</summary>
    public static ShieldRule PayloadTooLarge { get; } = new(2001, "payload-too-large", ShieldSeverity.Medium, 413, "The payload is larger than the configured maximum.");

    /// <summary>JSON nesting is deeper than the configured maximum.</summary>
    public static ShieldRule JsonTooDeep { get; } = new(2002, "json-too-deep", ShieldSeverity.Medium, 400, "JSON nesting is deeper than the configured maximum.");

    /// <summary>A payload declared or detected as JSON does not parse.</summary>
    public static ShieldRule InvalidJson { get; } = new(2003, "invalid-json", ShieldSeverity.Low, 400, "A payload declared as JSON does not parse.");

    /// <summary>An unhandled exception was turned into a generic error.</summary>
    public static ShieldRule UnhandledException { get; } = new(3001, "unhandled-exception", ShieldSeverity.Medium, 500, "An unhandled exception was redacted into a generic error.");

    /// <summary>The shield itself failed while inspecting an invocation.</summary>
    public static ShieldRule ShieldFailure { get; } = new(3002, "shield-failure", ShieldSeverity.High, 500, "The shield itself failed while inspecting an invocation.");

    /// <summary>Every built-in rule, in id order.</summary>
    public static IReadOnlyList<ShieldRule> All { get; } = [PayloadTooLarge, JsonTooDeep, InvalidJson, UnhandledException, ShieldFailure];
}
