namespace ServerlessShield;

/// <summary>
/// The cold-start configuration audit, under <c>ServerlessShield:Audit</c>. The audit runs once per process, off the
/// invocation path, and reports what it sees (<c>SHIELD40xx</c>); it changes nothing.
/// </summary>
public sealed class ShieldAuditOptions
{
    /// <summary>Whether the audit runs when the engine is created. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a finding of Critical severity (a long-term AWS access key or a private key in a setting) stops the
    /// engine from starting with a <see cref="ShieldAuditException"/>. The audit then runs synchronously when the engine
    /// is created instead of in the background. Default: false (report only).
    /// </summary>
    public bool FailOnCritical { get; set; }

    /// <summary>
    /// HTTP functions that may accept anonymous callers (a public webhook, a health probe), by function name; <c>*</c>
    /// allows every function. Any other anonymous HTTP function is a finding of <c>SHIELD4007</c>.
    /// </summary>
    public IList<string> AllowAnonymousFunctions { get; } = [];

    /// <summary>
    /// Setting names the audit skips, after a reviewed decision (a test key, a value the platform resolves from a
    /// vault). Compared case-insensitively; <c>__</c> and <c>:</c> are the same separator.
    /// </summary>
    public IList<string> IgnoredSettings { get; } = [];
}
