namespace ServerlessShield;

/// <summary>
/// Everything the pipeline knows about one invocation. Rented from a <see cref="ShieldContextPool"/> by an adapter,
/// filled, run through the pipeline and returned; nothing in it outlives the invocation.
/// </summary>
public sealed class ShieldContext
{
    private readonly List<ShieldInput> _inputs = [];
    private readonly List<ShieldFinding> _findings = [];
    private readonly Dictionary<object, object?> _properties = [];
    private readonly HashSet<string> _rejectedItems = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<ShieldContext?> Ambient = new();
    private string? _correlationId;

    internal ShieldContext()
    {
    }

    /// <summary>
    /// The invocation the current code runs in, while it is inside the shield pipeline (the handler included), so log
    /// enrichers can add its correlation id to every line. Null outside a shielded invocation.
    /// </summary>
    public static ShieldContext? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }

    /// <summary>The function's name.</summary>
    public string FunctionName { get; set; } = string.Empty;

    /// <summary>The function's resolved policy.</summary>
    public ShieldPolicy Policy { get; set; } = null!;

    /// <summary>The event source that triggered the invocation.</summary>
    public EventSourceInfo Source { get; set; } = EventSourceInfo.Unknown;

    /// <summary>The platform.</summary>
    public ShieldPlatform Platform { get; set; }

    /// <summary>The user-controlled data of the invocation.</summary>
    public IList<ShieldInput> Inputs => _inputs;

    /// <summary>The HTTP request parts, when the trigger is HTTP.</summary>
    public HttpRequestParts? Http { get; set; }

    /// <summary>Whether the trigger is HTTP, so errors become HTTP responses rather than rethrown exceptions.</summary>
    public bool IsHttp => Http is not null;

    /// <summary>The id that links a response or a rethrown error to the shield's log. Defaults to the invocation id, else a new id.</summary>
    public string CorrelationId
    {
        get => _correlationId ??= InvocationId ?? PlatformRequestId ?? Guid.NewGuid().ToString("N");
        set => _correlationId = value;
    }

    /// <summary>The platform's invocation id (Azure <c>InvocationId</c>).</summary>
    public string? InvocationId { get; set; }

    /// <summary>The platform's request id (Lambda <c>AwsRequestId</c>).</summary>
    public string? PlatformRequestId { get; set; }

    /// <summary>The distributed trace id (W3C trace id or X-Ray id).</summary>
    public string? TraceId { get; set; }

    /// <summary>Whether this is the first invocation of this process.</summary>
    public bool IsColdStart { get; set; }

    /// <summary>Cancelled when the platform abandons the invocation.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>The function's own handler, called at the end of the pipeline.</summary>
    public ShieldDelegate? Handler { get; set; }

    /// <summary>What the shield found, in order.</summary>
    public IReadOnlyList<ShieldFinding> Findings => _findings;

    /// <summary>
    /// The batch records rejected by a finding in Block mode. A rejected record does not block the whole invocation:
    /// the adapter leaves it out of what the handler receives and reports it back to the platform as failed.
    /// </summary>
    public IReadOnlyCollection<string> RejectedItemIds => _rejectedItems;

    /// <summary>The verdict word for the invocation: <c>block</c> when the invocation or any record was rejected, else <see cref="ShieldOutcome.Verdict"/>.</summary>
    public string Verdict => _rejectedItems.Count > 0 && !Outcome.IsRejected ? "block" : Outcome.Verdict;

    /// <summary>Whether the pipeline reached the function's handler.</summary>
    public bool HandlerInvoked { get; internal set; }

    /// <summary>The decision so far.</summary>
    public ShieldOutcome Outcome { get; set; } = ShieldOutcome.Allowed;

    /// <summary>When the invocation entered the pipeline, from <see cref="TimeProvider.GetTimestamp"/>.</summary>
    public long StartTimestamp { get; set; }

    /// <summary>When the handler was called, from <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>; 0 if it was not.</summary>
    public long HandlerStartTimestamp { get; internal set; }

    // Set by the engine; hashes offending values for telemetry.
    internal ValueHasher? Hasher { get; set; }

    /// <summary>A keyed hash of an offending value for telemetry (never the value itself); null outside an engine.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash, or null.</returns>
    public string? HashValue(ReadOnlySpan<char> value) => Hasher?.Hash(value);

    /// <summary>
    /// Reports a finding, applying the rule's mode from the policy, and updates <see cref="Outcome"/>:
    /// a block wins over a sanitize, which wins over a monitor. A block of a batch record rejects that record only
    /// (<see cref="RejectedItemIds"/>).
    /// </summary>
    /// <param name="rule">The rule that fired.</param>
    /// <param name="fieldPath">Where (a JSON path), never the value.</param>
    /// <param name="itemId">The batch record, if any.</param>
    /// <param name="canSanitize">Whether the caller can neutralise the value; if not, Sanitize mode blocks.</param>
    /// <param name="valueHash">A keyed hash of the value, if the caller computed one.</param>
    /// <param name="code">A finer code within the rule, safe to show a caller.</param>
    /// <returns>What is to be done about the finding.</returns>
    public FindingAction Report(ShieldRule rule, string fieldPath, string? itemId = null, bool canSanitize = false, string? valueHash = null, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var action = Policy.GetMode(rule) switch
        {
            RuleMode.Monitor => FindingAction.Monitored,
            RuleMode.Sanitize when canSanitize => FindingAction.Sanitized,
            _ => FindingAction.Blocked,
        };

        return Record(rule, fieldPath, action, itemId, valueHash, code);
    }

    // Records a finding whose action the caller decided (a field that allows HTML turns a block into a clean-up).
    internal FindingAction Record(ShieldRule rule, string fieldPath, FindingAction action, string? itemId, string? valueHash, string? code)
    {
        _findings.Add(new ShieldFinding(rule, fieldPath, action, itemId, valueHash, code));
        if (action == FindingAction.Blocked && itemId is not null)
        {
            _rejectedItems.Add(itemId);
            return action;
        }

        Outcome = action switch
        {
            FindingAction.Blocked when Outcome.Kind is not (ShieldOutcomeKind.Blocked or ShieldOutcomeKind.Failed) => ShieldOutcome.Blocked(rule),
            FindingAction.Sanitized when Outcome.Kind is ShieldOutcomeKind.Allowed or ShieldOutcomeKind.Monitored => ShieldOutcome.Sanitized,
            FindingAction.Monitored when Outcome.Kind is ShieldOutcomeKind.Allowed => ShieldOutcome.Monitored,
            _ => Outcome,
        };

        return action;
    }

    /// <summary>
    /// Records a failure of the shield itself (SHIELD3002) according to the function's <see cref="ShieldPolicy.OnShieldFailure"/>:
    /// failing closed, a failed outcome; failing open, a monitored finding whose exception is still logged. Returns
    /// whether the handler may run: failing open, unless an earlier finding already rejected the invocation.
    /// </summary>
    /// <param name="error">The shield's exception.</param>
    /// <returns>True when the invocation goes on to the handler.</returns>
    public bool FailShield(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Policy?.OnShieldFailure != ShieldFailureMode.FailOpen)
        {
            Fail(error, ShieldRules.ShieldFailure);
            return false;
        }

        FailedOpenError ??= error;
        Record(ShieldRules.ShieldFailure, string.Empty, FindingAction.Monitored, itemId: null, valueHash: null, code: "fail-open");
        return !Outcome.IsRejected;
    }

    // The shield's own failure when the function fails open: logged by telemetry, never shown to a caller.
    internal Exception? FailedOpenError { get; private set; }

    /// <summary>Records a failure finding and outcome (used by error handling).</summary>
    /// <param name="error">The exception.</param>
    /// <param name="rule">The rule that classifies it.</param>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    public void Fail(Exception error, ShieldRule rule, int statusCode = 500)
    {
        _findings.Add(new ShieldFinding(rule, string.Empty, FindingAction.Failed));
        Outcome = ShieldOutcome.Failed(error, rule, statusCode);
    }

    /// <summary>Stores adapter or middleware state for this invocation.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void SetProperty<T>(ShieldPropertyKey<T> key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _properties[key] = value;
    }

    /// <summary>Reads state stored with <see cref="SetProperty{T}"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether it was present.</returns>
    public bool TryGetProperty<T>(ShieldPropertyKey<T> key, out T? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_properties.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    // Clears everything so a pooled context never carries one invocation's data into the next.
    internal void Reset()
    {
        FunctionName = string.Empty;
        Policy = null!;
        Source = EventSourceInfo.Unknown;
        Platform = ShieldPlatform.Local;
        _inputs.Clear();
        Http = null;
        _correlationId = null;
        InvocationId = null;
        PlatformRequestId = null;
        TraceId = null;
        IsColdStart = false;
        CancellationToken = default;
        Handler = null;
        _findings.Clear();
        _properties.Clear();
        _rejectedItems.Clear();
        HandlerInvoked = false;
        HandlerStartTimestamp = 0;
        FailedOpenError = null;
        Hasher = null;
        Outcome = ShieldOutcome.Allowed;
        StartTimestamp = 0;
    }
}
