namespace ServerlessShield;

/// <summary>
/// The configuration checks on name/value settings (environment variables, app settings, template variables). Shared by
/// the cold-start audit and the offline <c>shield audit</c> command, so both report the same rule for the same setting.
/// Findings name the setting, never its value.
/// </summary>
public static class SettingsAudit
{
    private static readonly string[] EnvironmentNames = ["AZURE_FUNCTIONS_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"];

    /// <summary>Checks settings.</summary>
    /// <param name="settings">Names and values; names may use <c>__</c> or <c>:</c> as the section separator.</param>
    /// <param name="inCloud">Whether the settings are (or will be) those of a cloud deployment: development and debug switches are findings only there.</param>
    /// <param name="ignoredSettings">Setting names to skip.</param>
    /// <returns>The findings, at most one per rule and setting.</returns>
    public static IReadOnlyList<AuditFinding> Check(IEnumerable<KeyValuePair<string, string?>> settings, bool inCloud, IEnumerable<string>? ignoredSettings = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ignored = new HashSet<string>((ignoredSettings ?? []).Select(NormalizeKey), StringComparer.OrdinalIgnoreCase);
        var findings = new List<AuditFinding>();
        var seen = new HashSet<(int, string)>();
        foreach (var (rawName, value) in settings)
        {
            if (string.IsNullOrWhiteSpace(rawName) || string.IsNullOrEmpty(value))
            {
                continue;
            }

            var name = NormalizeKey(rawName);
            if (ignored.Contains(name))
            {
                continue;
            }

            foreach (var finding in CheckOne(name, value.Trim(), inCloud))
            {
                if (seen.Add((finding.Rule.Number, name.ToUpperInvariant())))
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }

    /// <summary>Checks declared function triggers: an anonymous HTTP trigger is a finding unless allowed.</summary>
    /// <param name="functions">The functions.</param>
    /// <param name="allowAnonymous">Function names allowed to be anonymous; <c>*</c> allows all.</param>
    /// <returns>The findings.</returns>
    public static IReadOnlyList<AuditFinding> CheckFunctions(IEnumerable<FunctionEndpoint> functions, IEnumerable<string>? allowAnonymous = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var allowed = new HashSet<string>(allowAnonymous ?? [], StringComparer.Ordinal);
        return
        [
            .. functions
                .Where(f => f.IsAnonymousHttp && !allowed.Contains("*") && !allowed.Contains(f.FunctionName))
                .DistinctBy(f => f.FunctionName)
                .Select(f => AnonymousFunction(f.FunctionName)),
        ];
    }

    /// <summary>The finding for an anonymous HTTP endpoint.</summary>
    /// <param name="subject">The function or resource.</param>
    /// <returns>The finding.</returns>
    public static AuditFinding AnonymousFunction(string subject) => new(ShieldRules.AnonymousHttpFunction, subject,
        $"The HTTP function {subject} accepts anonymous callers.",
        "Require a key or identity (authLevel function, an authorizer, AuthType AWS_IAM), or list the function in ServerlessShield:Audit:AllowAnonymousFunctions after review.");

    /// <summary>Writes a setting name with <c>:</c> as the separator (<c>Host__CORS</c> becomes <c>Host:CORS</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The normalised name.</returns>
    public static string NormalizeKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().Replace("__", ":", StringComparison.Ordinal);
    }

    private static IEnumerable<AuditFinding> CheckOne(string name, string value, bool inCloud)
    {
        var last = name[(name.LastIndexOf(':') + 1)..];
        if (inCloud)
        {
            if (EnvironmentNames.Contains(name, StringComparer.OrdinalIgnoreCase) && value.Equals("Development", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(ShieldRules.DevelopmentEnvironmentInCloud, name, $"{name} is Development in a cloud deployment.",
                    $"Set {name} to Production (or remove it) for cloud deployments; keep Development for local runs only.");
            }

            if ((name.Equals("ASPNETCORE_DETAILEDERRORS", StringComparison.OrdinalIgnoreCase) || last.Equals("DetailedErrors", StringComparison.OrdinalIgnoreCase)) && IsOn(value))
            {
                yield return new(ShieldRules.DetailedErrorsInCloud, name, $"{name} turns on detailed errors in a cloud deployment.",
                    $"Remove {name}; the shield answers failures with a generic problem+json and logs the details server-side.");
            }

            if (DebugSwitch(name, value) is { } what)
            {
                yield return new(ShieldRules.DebugSwitchEnabled, name, $"{name} turns on {what} in a cloud deployment.",
                    $"Remove {name} from the deployed settings; switch it on only while diagnosing, and off again.");
            }

            if (IsShieldProfile(name) && value.Equals(nameof(ShieldProfile.Monitor), StringComparison.OrdinalIgnoreCase))
            {
                yield return MonitorProfile(name);
            }
        }

        if (IsCorsSetting(last) && value.Split([',', ';', ' ', '\t', '[', ']', '"'], StringSplitOptions.RemoveEmptyEntries).Contains("*"))
        {
            yield return new(ShieldRules.WildcardCors, name, $"{name} allows every origin.",
                $"List the exact origins that may call the function in {name}.");
        }

        if (SecretValueClassifier.IsVaultReference(value))
        {
            yield break;
        }

        if (SecretValueClassifier.HasPrivateKey(value))
        {
            yield return new(ShieldRules.PrivateKeyInSetting, name, $"{name} holds a private key in plain text.",
                "Keep the key in Key Vault or Secrets Manager (or a certificate store) and load it at run time; rotate the exposed key.");
        }

        if (SecretValueClassifier.HasLongTermAwsKey(value))
        {
            yield return new(ShieldRules.LongTermAwsAccessKey, name, $"{name} holds a long-term AWS access key id (AKIA...).",
                "Remove the key and its secret from the settings, deactivate the key in IAM, and grant the function's execution role the permissions instead.");
        }

        if (SecretValueClassifier.SecretKind(value) is { } kind)
        {
            yield return new(ShieldRules.PlaintextSecretInSetting, name, $"{name} holds {kind} in plain text.",
                "Use an identity-based connection (e.g. <name>__accountName or __fullyQualifiedNamespace with a managed identity) or a Key Vault / Secrets Manager reference, and rotate the key or password.");
        }
    }

    /// <summary>The finding for the Monitor profile in production.</summary>
    /// <param name="subject">The setting or function.</param>
    /// <returns>The finding.</returns>
    internal static AuditFinding MonitorProfile(string subject) => new(ShieldRules.MonitorProfileInProduction, subject,
        $"{subject} runs the shield in the Monitor profile in production; nothing is blocked.",
        "After the rollout period, switch the profile to Standard (or Strict) and keep Monitor for single rules under Rules.");

    private static bool IsShieldProfile(string name) =>
        name.Equals("ServerlessShield:Profile", StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("ServerlessShield:Functions:", StringComparison.OrdinalIgnoreCase) && name.EndsWith(":Profile", StringComparison.OrdinalIgnoreCase));

    private static bool IsCorsSetting(string last) =>
        last.Contains("CORS", StringComparison.OrdinalIgnoreCase) || last.Equals("AllowedOrigins", StringComparison.OrdinalIgnoreCase)
        || last.Equals("AllowOrigins", StringComparison.OrdinalIgnoreCase) || last.Equals("Access-Control-Allow-Origin", StringComparison.OrdinalIgnoreCase);

    private static string? DebugSwitch(string name, string value)
    {
        var bare = name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) ? name[7..]
            : name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase) ? name[8..]
            : null;
        if (bare is not null)
        {
            if (bare.Equals("DiagnosticPorts", StringComparison.OrdinalIgnoreCase))
            {
                return "a diagnostics port that tools can attach to";
            }

            if (bare.Equals("EnableEventPipe", StringComparison.OrdinalIgnoreCase) && IsOn(value))
            {
                return "EventPipe tracing to a file";
            }

            if (bare.Equals("DbgEnableMiniDump", StringComparison.OrdinalIgnoreCase) && IsOn(value))
            {
                return "crash dumps, which hold secrets from memory";
            }
        }

        // Trace or Debug logging writes request data and secrets that Information does not.
        if (name.EndsWith("LogLevel:Default", StringComparison.OrdinalIgnoreCase)
            && (value.Equals("Trace", StringComparison.OrdinalIgnoreCase) || value.Equals("Debug", StringComparison.OrdinalIgnoreCase)))
        {
            return $"{value} logging";
        }

        return null;
    }

    private static bool IsOn(string value) => value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
}
