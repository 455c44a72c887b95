
namespace ServerlessShield;

// The resolved settings of one field pattern: the options' constraints compiled once, when the policy is built.
internal sealed class FieldRules
{
    private readonly ValuePredicate? _pattern;
    private readonly HashSet<string>? _allowedValues;
    private readonly Dictionary<string, RuleMode> _modes;

    public FieldRules(FieldShieldOptions options, ShieldProfile profile)
    {
        ArgumentNullException.ThrowIfNull(options);
        Skip = options.Skip;
        AllowHtml = options.AllowHtml;
        MaxLength = options.MaxLength;
        _pattern = options.Pattern is null ? null : FieldPatterns.Compile(options.Pattern);
        _allowedValues = options.AllowedValues is { Count: > 0 } allowed ? new HashSet<string>(allowed, StringComparer.Ordinal) : null;

        // The Monitor profile is a promise that nothing blocks; a field cannot break it either.
        _modes = new Dictionary<string, RuleMode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, mode) in options.Rules)
        {
            _modes[rule] = profile == ShieldProfile.Monitor ? RuleMode.Monitor : mode;
        }

        HasConstraints = MaxLength is not null || _pattern is not null || _allowedValues is not null;
    }

    public bool Skip { get; }

    public bool AllowHtml { get; }

    public int? MaxLength { get; }

    public bool HasConstraints { get; }

    // The constraint the value breaks, as a finding code, or null when it keeps them all.
    public string? Violation(ReadOnlySpan<char> value)
    {
        if (MaxLength is { } max && value.Length > max)
        {
            return "max-length";
        }

        if (_allowedValues is not null && !IsAllowed(value))
        {
            return "allowed-values";
        }

        return _pattern is not null && !_pattern(value) ? "pattern" : null;
    }

    // A span lookup where the runtime has one (.NET 9); .NET 8 looks the value up as a string.
    private bool IsAllowed(ReadOnlySpan<char> value) =>
#if NET9_0_OR_GREATER
        _allowedValues!.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value);
#else
        _allowedValues!.Contains(value.ToString());
#endif

    public bool TryGetMode(ShieldRule rule, out RuleMode mode)
    {
        mode = default;
        return _modes.Count > 0 && (_modes.TryGetValue(rule.Id, out mode) || _modes.TryGetValue(rule.Name, out mode));
    }
}
