using System.Runtime.ExceptionServices;

namespace ServerlessShield;

/// <summary>
/// The shield's decision for one invocation, as a value: allowed, monitored, sanitized, blocked with a rule and
/// a suggested HTTP status, or failed with the captured (never exposed) error.
/// </summary>
public readonly struct ShieldOutcome : IEquatable<ShieldOutcome>
{
    private ShieldOutcome(ShieldOutcomeKind kind, ShieldRule? rule, int statusCode, ExceptionDispatchInfo? error)
    {
        Kind = kind;
        Rule = rule;
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The decision.</summary>
    public ShieldOutcomeKind Kind { get; }

    /// <summary>For a block or a failure, the rule that explains it.</summary>
    public ShieldRule? Rule { get; }

    /// <summary>The HTTP status an HTTP trigger answers with (200 when allowed).</summary>
    public int StatusCode { get; }

    /// <summary>For a failure, the captured exception. Log it server-side; never show it.</summary>
    public ExceptionDispatchInfo? Error { get; }

    /// <summary>Whether the handler must not run (or its result must not be returned as is).</summary>
    public bool IsRejected => Kind is ShieldOutcomeKind.Blocked or ShieldOutcomeKind.Failed;

    /// <summary>The outcome of a clean invocation.</summary>
    public static ShieldOutcome Allowed { get; } = new(ShieldOutcomeKind.Allowed, null, 200, null);

    /// <summary>The outcome when findings were reported in Monitor mode only.</summary>
    public static ShieldOutcome Monitored { get; } = new(ShieldOutcomeKind.Monitored, null, 200, null);

    /// <summary>The outcome when findings were neutralised.</summary>
    public static ShieldOutcome Sanitized { get; } = new(ShieldOutcomeKind.Sanitized, null, 200, null);

    /// <summary>Creates a block.</summary>
    /// <param name="rule">The rule that blocked.</param>
    /// <param name="statusCode">The HTTP status to answer with; defaults to the rule's.</param>
    /// <returns>The outcome.</returns>
    public static ShieldOutcome Blocked(ShieldRule rule, int? statusCode = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(ShieldOutcomeKind.Blocked, rule, statusCode ?? rule.HttpStatus, null);
    }

    /// <summary>Creates a failure.</summary>
    /// <param name="error">The exception that failed the invocation.</param>
    /// <param name="rule">The rule that classifies the failure.</param>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    /// <returns>The outcome.</returns>
    public static ShieldOutcome Failed(Exception error, ShieldRule rule, int statusCode = 500)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(rule);
        return new(ShieldOutcomeKind.Failed, rule, statusCode, ExceptionDispatchInfo.Capture(error));
    }

    /// <summary>The verdict word used by the CLI and telemetry: allow, monitor, sanitize, block or fail.</summary>
    public string Verdict => Kind switch
    {
        ShieldOutcomeKind.Monitored => "monitor",
        ShieldOutcomeKind.Sanitized => "sanitize",
        ShieldOutcomeKind.Blocked => "block",
        ShieldOutcomeKind.Failed => "fail",
        _ => "allow",
    };

    /// <inheritdoc />
    public bool Equals(ShieldOutcome other) =>
        Kind == other.Kind && Equals(Rule, other.Rule) && StatusCode == other.StatusCode && ReferenceEquals(Error, other.Error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ShieldOutcome other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Rule, StatusCode);

    /// <summary>Compares two outcomes.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ShieldOutcome left, ShieldOutcome right) => left.Equals(right);

    /// <summary>Compares two outcomes.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ShieldOutcome left, ShieldOutcome right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Rule is null ? Verdict : $"{Verdict} ({Rule.Id})";
}
