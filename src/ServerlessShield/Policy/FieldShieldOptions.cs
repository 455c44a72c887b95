namespace ServerlessShield;

/// <summary>
/// Settings for the fields whose JSON path matches a pattern, under <c>ServerlessShield:Fields:&lt;pattern&gt;</c> or
/// a function's <c>Fields</c>. Patterns are paths such as <c>body.comment</c>, with <c>*</c> for any one key and
/// <c>[*]</c> for any array index (<c>body.items[*].note</c>). Limits always apply; these settings change detection.
/// </summary>
public sealed class FieldShieldOptions
{
    /// <summary>Do not run the injection detectors on these fields (a field that legitimately holds SQL or markup samples).</summary>
    public bool Skip { get; set; }

    /// <summary>The fields may hold HTML: cross-site scripting findings there are cleaned with the HTML sanitizer instead of blocking, whatever the rule's mode.</summary>
    public bool AllowHtml { get; set; }
}
