namespace ServerlessShield.Cli.Audit;

// Checks a CloudFormation or SAM template: function environment variables (as in the cloud), public function URLs,
// inline and resource policies, and administrator managed policies. Intrinsic functions (Ref, Fn::Sub, !GetAtt) are
// expressions, not values, and are never reported as secrets.
internal static class TemplateAudit
{
    private static readonly string[] PolicyKeys = ["PolicyDocument", "AssumeRolePolicyDocument", "KeyPolicy"];

    public static bool IsTemplate(ConfigNode root) =>
        root.Kind == ConfigNodeKind.Map && (root.Get("AWSTemplateFormatVersion") is not null || root.Get("Transform") is not null
            || root.Get("Resources") is { Kind: ConfigNodeKind.Map } resources && resources.Properties.Any(r => r.Value.Get("Type")?.Text?.StartsWith("AWS::", StringComparison.Ordinal) == true));

    public static IEnumerable<AuditFinding> Check(ConfigNode root)
    {
        if (root.Get("Globals")?.Get("Function")?.Get("Environment")?.Get("Variables") is { } globals)
        {
            foreach (var finding in Variables(globals))
            {
                yield return finding;
            }
        }

        foreach (var (name, resource) in root.Get("Resources")?.Properties ?? [])
        {
            var type = resource.Get("Type")?.Text ?? string.Empty;
            var properties = resource.Get("Properties");
            if (properties is null)
            {
                continue;
            }

            foreach (var finding in CheckResource(name, type, properties))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<AuditFinding> CheckResource(string name, string type, ConfigNode properties)
    {
        if (properties.Get("Environment")?.Get("Variables") is { } variables)
        {
            foreach (var finding in Variables(variables))
            {
                yield return finding with { Subject = $"{name}:{finding.Subject}", Message = $"{name}: {finding.Message}" };
            }
        }

        var urlAuth = type == "AWS::Lambda::Url" ? properties.Get("AuthType") : properties.Get("FunctionUrlConfig")?.Get("AuthType");
        if (urlAuth?.Text is "NONE")
        {
            yield return SettingsAudit.AnonymousFunction(name) with { Line = urlAuth.Line };
        }

        if (type == "AWS::Lambda::Permission" && properties.Get("Principal")?.Text == "*"
            && properties.Get("SourceArn") is null && properties.Get("SourceAccount") is null && properties.Get("PrincipalOrgID") is null)
        {
            yield return new(IamRules.PublicPrincipal, name, $"{name} lets any principal invoke the function.",
                "Name the calling service or account and add SourceArn or SourceAccount.", Line: properties.Get("Principal")!.Line);
        }

        foreach (var managed in (properties.Get("ManagedPolicyArns")?.AsList() ?? []).Concat(properties.Get("Policies")?.AsList() ?? []))
        {
            if (IamPolicyAudit.IsAdministratorAccess(managed.Text))
            {
                yield return new(IamRules.AdminPolicy, name, $"{name} attaches AdministratorAccess.",
                    "Attach a policy with only the actions and resources the function uses.", Line: managed.Line);
            }
        }

        foreach (var (path, document) in PolicyDocuments(properties, name))
        {
            foreach (var finding in IamPolicyAudit.Check(document, path))
            {
                yield return finding;
            }
        }
    }

    // Every policy document in a resource: PolicyDocument anywhere below it (IAM roles and policies, bucket, queue and
    // topic policies), and SAM's inline statements in Policies.
    private static IEnumerable<(string Path, ConfigNode Document)> PolicyDocuments(ConfigNode node, string path)
    {
        foreach (var (key, child) in node.Properties)
        {
            if (PolicyKeys.Contains(key) && child.Kind == ConfigNodeKind.Map)
            {
                yield return ($"{path}.{key}", child);
            }
            else if (key == "Policies" && child.Kind == ConfigNodeKind.List)
            {
                var index = 0;
                foreach (var item in child.Items)
                {
                    if (item.Get("Statement") is not null)
                    {
                        yield return ($"{path}.Policies[{index}]", item);
                    }
                    else
                    {
                        foreach (var nested in PolicyDocuments(item, $"{path}.Policies[{index}]"))
                        {
                            yield return nested;
                        }
                    }

                    index++;
                }
            }
            else if (child.Kind == ConfigNodeKind.Map && child.Tag is null)
            {
                foreach (var nested in PolicyDocuments(child, $"{path}.{key}"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<AuditFinding> Variables(ConfigNode variables)
    {
        foreach (var (name, value) in variables.Properties)
        {
            if (value.Text is not { } text)
            {
                continue;
            }

            foreach (var finding in SettingsAudit.Check([new(name, text)], inCloud: true))
            {
                yield return finding with { Line = value.Line };
            }
        }
    }
}
