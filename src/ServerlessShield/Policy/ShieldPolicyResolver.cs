using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ServerlessShield;

/// <summary>
/// Resolves each function's <see cref="ShieldPolicy"/> once and caches it. The attribute lookup an adapter supplies
/// runs at most once per function.
/// </summary>
public sealed class ShieldPolicyResolver
{
    private readonly ConcurrentDictionary<string, ShieldPolicy> _cache = new(StringComparer.Ordinal);
    private readonly ShieldOptions _options;

    /// <summary>Creates a resolver over the given options.</summary>
    /// <param name="options">The validated options.</param>
    public ShieldPolicyResolver(IOptions<ShieldOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>The options the resolver works from.</summary>
    public ShieldOptions Options => _options;

    /// <summary>Returns the cached policy of a function, resolving it on first use.</summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="findAttribute">Finds the function's attribute; called at most once per function.</param>
    /// <returns>The policy.</returns>
    public ShieldPolicy GetPolicy(string functionName, Func<ShieldAttribute?>? findAttribute = null)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        if (_cache.TryGetValue(functionName, out var cached))
        {
            return cached;
        }

        var policy = Resolve(functionName, _options, findAttribute?.Invoke());
        return _cache.GetOrAdd(functionName, policy);
    }

    internal static ShieldPolicy Resolve(string functionName, ShieldOptions options, ShieldAttribute? attribute)
    {
        options.Functions.TryGetValue(functionName, out var function);

        var enabled = options.Enabled
            && (function?.Enabled ?? (attribute is not null ? attribute.Enabled : !options.RequireOptIn));

        var profile = function?.Profile
            ?? (attribute is { HasProfile: true } ? attribute.Profile : options.Profile);

        var local = function?.Limits;
        var global = options.Limits;
        var limits = new PayloadLimits(
            MaxPayloadBytes: local?.MaxPayloadBytes ?? Positive(attribute?.MaxPayloadBytes) ?? global.MaxPayloadBytes ?? ProfileDefaults.MaxPayloadBytes(profile),
            MaxDepth: local?.MaxDepth ?? Positive(attribute?.MaxDepth) ?? global.MaxDepth ?? ProfileDefaults.MaxDepth(profile),
            MaxKeysPerObject: local?.MaxKeysPerObject ?? global.MaxKeysPerObject ?? ProfileDefaults.MaxKeysPerObject(profile),
            MaxArrayLength: local?.MaxArrayLength ?? global.MaxArrayLength ?? ProfileDefaults.MaxArrayLength(profile),
            MaxStringLength: local?.MaxStringLength ?? global.MaxStringLength ?? ProfileDefaults.MaxStringLength(profile),
            MaxNumberLength: local?.MaxNumberLength ?? global.MaxNumberLength ?? ProfileDefaults.MaxNumberLength(profile),
            MaxEnvelopeDepth: local?.MaxEnvelopeDepth ?? global.MaxEnvelopeDepth ?? ProfileDefaults.MaxEnvelopeDepth(profile));

        var modes = new Dictionary<string, RuleMode>(options.Rules, StringComparer.OrdinalIgnoreCase);
        foreach (var rule in attribute?.MonitorRules ?? [])
        {
            modes[rule] = RuleMode.Monitor;
        }

        if (function is not null)
        {
            foreach (var (rule, mode) in function.Rules)
            {
                modes[rule] = mode;
            }
        }

        // The Monitor profile is a promise that nothing blocks: explicit Block settings cannot break it.
        if (profile == ShieldProfile.Monitor)
        {
            foreach (var key in modes.Keys.ToArray())
            {
                modes[key] = RuleMode.Monitor;
            }
        }

        return new ShieldPolicy(functionName, enabled, profile, function?.OnShieldFailure ?? options.OnShieldFailure, limits, modes, function?.Validator ?? attribute?.Validator,
            [.. (function?.Fields ?? []).Concat(options.Fields).Select(kv => (new FieldPattern(kv.Key), new FieldRules(kv.Value, profile)))], function?.Authenticity);
    }

    private static int? Positive(int? value) => value > 0 ? value : null;
}
