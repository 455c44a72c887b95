using Microsoft.Extensions.Options;

namespace ServerlessShield;

// Gathers every problem of the options into one failure that names the setting, so a bad deployment
// fails at startup and never on the first request.
internal sealed class ShieldOptionsValidator : IValidateOptions<ShieldOptions>
{
    private const int MaxSupportedPayloadBytes = 64 * 1024 * 1024;
    private const int MaxSupportedDepth = 4096;

    public ValidateOptionsResult Validate(string? name, ShieldOptions options)
    {
        var errors = new List<string>();
        ValidateLimits("ServerlessShield:Limits", options.Limits, errors);
        ValidateRules("ServerlessShield:Rules", options.Rules, errors);
        ValidateFields("ServerlessShield:Fields", options.Fields, errors);
        if (options.Inventory.AdvisoryFile is { Length: > 0 } advisories && !File.Exists(advisories))
        {
            errors.Add($"ServerlessShield:Inventory:AdvisoryFile names a file that does not exist: {advisories}.");
        }

        Range("ServerlessShield:Egress", "CapabilityReportMinutes", options.Egress.CapabilityReportMinutes, 0, 7 * 24 * 60, errors);
        foreach (var (function, settings) in options.Functions)
        {
            if (settings is null)
            {
                errors.Add($"ServerlessShield:Functions:{function} is empty.");
                continue;
            }

            ValidateLimits($"ServerlessShield:Functions:{function}:Limits", settings.Limits, errors);
            ValidateRules($"ServerlessShield:Functions:{function}:Rules", settings.Rules, errors);
            ValidateFields($"ServerlessShield:Functions:{function}:Fields", settings.Fields, errors);
            ValidateAuthenticity($"ServerlessShield:Functions:{function}:Authenticity", settings.Authenticity, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateLimits(string path, PayloadLimitsOptions? limits, List<string> errors)
    {
        if (limits is null)
        {
            return;
        }

        if (limits.MaxPayloadBytes is { } bytes && (bytes < 1 || bytes > MaxSupportedPayloadBytes))
        {
            errors.Add($"{path}:MaxPayloadBytes must be between 1 and {MaxSupportedPayloadBytes}; it is {bytes}.");
        }

        Range(path, "MaxDepth", limits.MaxDepth, 1, MaxSupportedDepth, errors);
        Range(path, "MaxKeysPerObject", limits.MaxKeysPerObject, 1, int.MaxValue, errors);
        Range(path, "MaxArrayLength", limits.MaxArrayLength, 1, int.MaxValue, errors);
        Range(path, "MaxStringLength", limits.MaxStringLength, 1, MaxSupportedPayloadBytes, errors);
        Range(path, "MaxNumberLength", limits.MaxNumberLength, 1, 4096, errors);
        Range(path, "MaxEnvelopeDepth", limits.MaxEnvelopeDepth, 0, 8, errors);
    }

    private static void Range(string path, string name, int? value, int min, int max, List<string> errors)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add($"{path}:{name} must be between {min} and {max}; it is {v}.");
        }
    }

    // An opted-in check without its secret would block every request or, worse, verify against an empty key.
    private static void ValidateAuthenticity(string path, MessageAuthenticityOptions? settings, List<string> errors)
    {
        if (settings is null || settings.Webhook == WebhookScheme.None)
        {
            return;
        }

        if (string.IsNullOrEmpty(settings.Secret))
        {
            errors.Add($"{path}:Secret is required when Webhook is {settings.Webhook}.");
        }

        if (settings.Webhook == WebhookScheme.Generic)
        {
            if (string.IsNullOrWhiteSpace(settings.SignatureHeader))
            {
                errors.Add($"{path}:SignatureHeader is required when Webhook is Generic.");
            }

            if (WebhookSignature.AlgorithmOf(settings.Algorithm) == default)
            {
                errors.Add($"{path}:Algorithm must be SHA1, SHA256, SHA384 or SHA512; it is {settings.Algorithm}.");
            }

            if (settings.SignatureEncoding is not ("hex" or "base64"))
            {
                errors.Add($"{path}:SignatureEncoding must be hex or base64; it is {settings.SignatureEncoding}.");
            }
        }

        Range(path, "TimestampToleranceSeconds", settings.TimestampToleranceSeconds, 1, 86_400, errors);
    }

    private static void ValidateFields(string path, Dictionary<string, FieldShieldOptions>? fields, List<string> errors)
    {
        foreach (var (pattern, field) in fields ?? [])
        {
            if (field is null)
            {
                errors.Add($"{path}:{pattern} is empty.");
                continue;
            }

            Range($"{path}:{pattern}", "MaxLength", field.MaxLength, 1, MaxSupportedPayloadBytes, errors);
            ValidateRules($"{path}:{pattern}:Rules", field.Rules, errors);
            if (field.Pattern is { } regex)
            {
                try
                {
                    FieldPatterns.Compile(regex);
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
                {
                    errors.Add(FieldPatterns.IsSupported
                        ? $"{path}:{pattern}:Pattern is not a regular expression the linear-time engine accepts: {ex.Message}"
                        : $"{path}:{pattern}:Pattern is set, but field patterns are switched off in this app ({FieldPatterns.SwitchName}).");
                }
            }
        }
    }

    private static void ValidateRules(string path, Dictionary<string, RuleMode>? rules, List<string> errors)
    {
        if (rules is null)
        {
            return;
        }

        foreach (var key in rules.Keys)
        {
            if (!ShieldRuleCatalog.IsKnown(key))
            {
                errors.Add($"{path}:{key} names no known rule; use a rule id such as SHIELD2001 or a name such as payload-too-large.");
            }
        }
    }
}
