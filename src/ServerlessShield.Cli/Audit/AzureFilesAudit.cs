namespace ServerlessShield.Cli.Audit;

// Checks the Azure Functions files: local.settings.json (Values, ConnectionStrings, Host:CORS), host.json and
// appsettings*.json (every setting, flattened to Section:Key), function.json (authLevel of HTTP triggers).
internal static class AzureFilesAudit
{
    public static IEnumerable<AuditFinding> LocalSettings(ConfigNode root)
    {
        // Local settings run on a developer's machine: development switches are expected there, secrets and wildcards are not
        // (they are copied to the cloud with "func azure functionapp publish --publish-local-settings").
        foreach (var section in new[] { "Values", "ConnectionStrings" })
        {
            if (root.Get(section, ignoreCase: true) is { Kind: ConfigNodeKind.Map } map)
            {
                foreach (var finding in Settings(Flatten(map, prefix: null), inCloud: false))
                {
                    yield return finding;
                }
            }
        }

        if (root.Get("Host", ignoreCase: true) is { Kind: ConfigNodeKind.Map } host)
        {
            foreach (var finding in Settings(Flatten(host, "Host"), inCloud: false))
            {
                yield return finding;
            }
        }
    }

    // host.json and appsettings.json are deployed with the app.
    public static IEnumerable<AuditFinding> DeployedSettings(ConfigNode root, bool inCloud) => Settings(Flatten(root, prefix: null), inCloud);

    public static IEnumerable<AuditFinding> FunctionJson(ConfigNode root, string functionName)
    {
        foreach (var binding in root.Get("bindings")?.AsList() ?? [])
        {
            if (binding.Get("type", ignoreCase: true)?.Text is { } type && binding.Get("authLevel", ignoreCase: true) is { } level
                && new FunctionEndpoint(functionName, type, level.Text).IsAnonymousHttp)
            {
                yield return SettingsAudit.AnonymousFunction(functionName) with { Line = level.Line };
            }
        }
    }

    private static IEnumerable<AuditFinding> Settings(IEnumerable<(string Name, ConfigNode Value)> settings, bool inCloud)
    {
        foreach (var (name, value) in settings)
        {
            foreach (var finding in SettingsAudit.Check([new(name, value.Text)], inCloud))
            {
                yield return finding with { Line = value.Line };
            }
        }
    }

    // Section:Key paths to every scalar; a list of scalars is one setting whose items are joined (CORS origin lists).
    private static IEnumerable<(string Name, ConfigNode Value)> Flatten(ConfigNode node, string? prefix)
    {
        foreach (var (key, child) in node.Properties)
        {
            var name = prefix is null ? key : $"{prefix}:{key}";
            switch (child.Kind)
            {
                case ConfigNodeKind.Map:
                    foreach (var nested in Flatten(child, name))
                    {
                        yield return nested;
                    }

                    break;
                case ConfigNodeKind.List when child.Items.All(i => i.Kind == ConfigNodeKind.Scalar):
                    yield return (name, new ConfigNode(ConfigNodeKind.Scalar, child.Line, string.Join(',', child.Items.Select(i => i.Text))));
                    break;
                case ConfigNodeKind.Scalar:
                    yield return (name, child);
                    break;
            }
        }
    }
}
