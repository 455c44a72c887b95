namespace ServerlessShield;

/// <summary>
/// Outbound HTTP control and the observed-capabilities report, under <c>ServerlessShield:Egress</c>. Per-function hosts
/// go in <see cref="FunctionShieldOptions.AllowedHosts"/>; a function's allowlist is the global list plus its own.
/// </summary>
public sealed class EgressOptions
{
    /// <summary>
    /// Hosts every function may call (<c>api.example.com</c>, <c>*.amazonaws.com</c> for any subdomain). When a function's
    /// allowlist is empty, outbound calls are only recorded, never refused. A call to another host is a finding of
    /// <c>SHIELD5201</c>: refused in Block mode (the default), let through in Monitor mode.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>How often the observed-capabilities report is written while something new was seen, in minutes; 0 writes it only at shutdown. Default 60.</summary>
    public int CapabilityReportMinutes { get; set; } = 60;
}
