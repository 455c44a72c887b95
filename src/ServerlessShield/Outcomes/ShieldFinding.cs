namespace ServerlessShield;

/// <summary>
/// One thing the shield found in an invocation. Carries where and what, never the offending value itself.
/// </summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="FieldPath">The JSON path of the field (<c>body.user.name</c>), or the input path for whole-input findings.</param>
/// <param name="Action">What was done about it.</param>
/// <param name="ItemId">The batch record it belongs to, if any.</param>
/// <param name="ValueHash">A keyed hash of the offending value, so repeats can be correlated without storing the value.</param>
/// <param name="Code">A finer code within the rule, safe to show a caller (a validation rule code such as <c>NotEmptyValidator</c>).</param>
public readonly record struct ShieldFinding(ShieldRule Rule, string FieldPath, FindingAction Action, string? ItemId = null, string? ValueHash = null, string? Code = null);
