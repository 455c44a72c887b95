namespace ServerlessShield;

/// <summary>Telemetry settings, under <c>ServerlessShield:Telemetry</c>.</summary>
public sealed class ShieldTelemetryOptions
{
    /// <summary>
    /// The key of the value hashes in security events (HMAC-SHA256). Set the same key on every instance to correlate
    /// repeats across instances; leave it unset for a random key per process. Keep it secret.
    /// </summary>
    public string? HashKey { get; set; }

    /// <summary>How many log lines per minute the same event (rule, action, function, field) may write; the rest are counted in metrics only. Default 20; 0 writes every one.</summary>
    public int MaxRepeatedLogsPerMinute { get; set; } = 20;

    /// <summary>Extra key names whose values are secrets (<c>X-Tenant-Key</c>), scrubbed from everything the shield logs.</summary>
    public IList<string> SecretKeyNames { get; } = [];
}
