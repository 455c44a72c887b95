namespace ServerlessShield.Cli.Audit;

// Rules only the offline audit can check: IAM and resource policies in templates and policy files (SHIELD41xx).
// They are configuration rules like SHIELD40xx, but nothing at run time can see them, so they are not in ShieldRules.All.
internal static class IamRules
{
    public static ShieldRule WildcardAction { get; } = new(4101, "iam-wildcard-action", ShieldSeverity.High, 500,
        "An IAM policy allows a wildcard action (s3:*, *Object, *).");

    public static ShieldRule WildcardResource { get; } = new(4102, "iam-wildcard-resource", ShieldSeverity.Medium, 500,
        "An IAM policy allows actions on every resource (Resource: *).");

    public static ShieldRule AdminPolicy { get; } = new(4103, "iam-admin-policy", ShieldSeverity.Critical, 500,
        "An IAM policy grants administrator access (Action * on Resource *, or AdministratorAccess).");

    public static ShieldRule PassRoleWildcard { get; } = new(4104, "iam-passrole-wildcard", ShieldSeverity.High, 500,
        "An IAM policy allows iam:PassRole on every role, which lets the holder escalate to any role.");

    public static ShieldRule PublicPrincipal { get; } = new(4105, "iam-public-principal", ShieldSeverity.Critical, 500,
        "A resource or trust policy allows any principal (Principal * or {\"AWS\": \"*\"}) without a condition.");

    public static IReadOnlyList<ShieldRule> All { get; } = [WildcardAction, WildcardResource, AdminPolicy, PassRoleWildcard, PublicPrincipal];

    // Every rule the offline audit can report, in id order: the SARIF driver lists them all.
    public static IReadOnlyList<ShieldRule> AuditRules { get; } =
    [
        .. ShieldRules.All.Where(r => r.Category == ShieldRuleCategory.Configuration && r != ShieldRules.DevelopmentModeRefused),
        .. All,
    ];
}
