namespace ServerlessShield;

/// <summary>
/// Settings for the fields whose JSON path matches a pattern, under <c>ServerlessShield:Fields:&lt;pattern&gt;</c> or
/// a function's <c>Fields</c>. Patterns are paths such as <c>body.comment</c>, with <c>*</c> for any one key and
/// <c>[*]</c> for any array index (<c>body.items[*].note</c>). Text inputs match by their own path
/// (<c>query.q</c>, <c>headers.x-tenant</c>). Limits always apply; these settings change detection and add
/// constraints of the field's own (rule <c>SHIELD6002</c>).
/// </summary>
public sealed class FieldShieldOptions
{
    /// <summary>Do not run the injection detectors on these fields (a field that legitimately holds SQL or markup samples).</summary>
    public bool Skip { get; set; }

    /// <summary>The fields may hold HTML: cross-site scripting findings there are cleaned with the HTML sanitizer instead of blocking, whatever the rule's mode.</summary>
    public bool AllowHtml { get; set; }

    /// <summary>The most characters a string value of the field may have; null leaves only the payload limit.</summary>
    public int? MaxLength { get; set; }

    /// <summary>
    /// A regular expression every string value of the field must match in full (it is anchored at both ends), such as
    /// <c>[A-Z]{2}</c> for a country code. It runs with <c>RegexOptions.NonBacktracking</c>, so its cost is linear in
    /// the value's length; constructs that engine does not support (backreferences, lookarounds) are refused at startup.
    /// </summary>
    public string? Pattern { get; set; }

    /// <summary>The only values the field may hold (compared exactly); empty allows any value.</summary>
    public List<string> AllowedValues { get; set; } = [];

    /// <summary>
    /// Modes for rules that fire on this field, by rule id or name, overriding the function's (for example
    /// <c>"SHIELD1003": "Monitor"</c> on a field that quotes markup, or <c>"SHIELD6002": "Monitor"</c> to try a
    /// new constraint out). The Monitor profile still turns every mode into Monitor.
    /// </summary>
    public Dictionary<string, RuleMode> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
