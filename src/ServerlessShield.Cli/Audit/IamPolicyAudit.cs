namespace ServerlessShield.Cli.Audit;

// Checks one IAM policy document (identity, resource or trust policy). Only Allow statements grant anything.
internal static class IamPolicyAudit
{
    public static IEnumerable<AuditFinding> Check(ConfigNode document, string subject)
    {
        if (document.Get("Statement") is not { } statements)
        {
            yield break;
        }

        var index = 0;
        foreach (var statement in statements.AsList())
        {
            var where = statement.Get("Sid")?.Text is { Length: > 0 } sid ? $"{subject} statement {sid}" : $"{subject} statement {index}";
            index++;
            if (statement.Kind != ConfigNodeKind.Map || statement.Get("Effect")?.Text is not "Allow")
            {
                continue;
            }

            foreach (var finding in CheckStatement(statement, where))
            {
                yield return finding;
            }
        }
    }

    public static bool IsAdministratorAccess(string? policy) =>
        policy is not null && (policy == "AdministratorAccess" || policy.EndsWith(":policy/AdministratorAccess", StringComparison.Ordinal));

    private static IEnumerable<AuditFinding> CheckStatement(ConfigNode statement, string where)
    {
        var line = statement.Line;
        var actions = Literals(statement.Get("Action"));
        var resources = Literals(statement.Get("Resource"));
        var anyResource = resources.Contains("*");
        var hasCondition = statement.Get("Condition") is { Kind: ConfigNodeKind.Map } condition && condition.Properties.Count > 0;

        if (actions.Contains("*") && anyResource)
        {
            yield return new(IamRules.AdminPolicy, where, $"{where} allows every action on every resource.",
                "Grant only the actions and resources the function uses; the observed-capabilities report lists them.", Line: line);
        }
        else
        {
            var wildcard = actions.Where(a => a.Contains('*', StringComparison.Ordinal)).ToList();
            if (wildcard.Count > 0)
            {
                yield return new(IamRules.WildcardAction, where, $"{where} allows wildcard actions ({string.Join(", ", wildcard)}).",
                    "List the exact actions (s3:GetObject rather than s3:*).", Line: statement.Get("Action")?.Line ?? line);
            }

            if (anyResource && actions.Count > 0)
            {
                yield return new(IamRules.WildcardResource, where, $"{where} allows its actions on every resource.",
                    "Name the resource ARNs (a bucket, a queue, a table) instead of *.", Line: statement.Get("Resource")?.Line ?? line);
            }
        }

        // Action * on * already says everything; PassRole on its own is the escalation path worth its own finding.
        if (anyResource && !actions.Contains("*") && actions.Any(IsPassRole))
        {
            yield return new(IamRules.PassRoleWildcard, where, $"{where} allows iam:PassRole on every role.",
                "Restrict iam:PassRole to the ARNs of the roles the function must pass, with an iam:PassedToService condition.", Line: line);
        }

        if (!hasCondition && statement.Get("Principal") is { } principal && IsPublic(principal))
        {
            yield return new(IamRules.PublicPrincipal, where, $"{where} allows any principal without a condition.",
                "Name the accounts, roles or services that may call, or add a condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID).", Line: principal.Line ?? line);
        }
    }

    private static bool IsPassRole(string action) =>
        action.Equals("iam:PassRole", StringComparison.OrdinalIgnoreCase) || action is "iam:*"
        || (action.StartsWith("iam:Pass", StringComparison.OrdinalIgnoreCase) && action.EndsWith('*'));

    private static bool IsPublic(ConfigNode principal)
    {
        if (principal.Text == "*")
        {
            return true;
        }

        return principal.Get("AWS") is { } aws && Literals(aws).Contains("*");
    }

    private static List<string> Literals(ConfigNode? node) =>
        node is null ? [] : [.. node.AsList().Select(n => n.Text).OfType<string>()];
}
