namespace ServerlessShield;

/// <summary>
/// Thrown by <see cref="ShieldEgressHandler"/> when a function calls a host outside its allowlist in Block mode. The
/// message names the host and the rule, never the URL's path or query.
/// </summary>
public sealed class ShieldEgressBlockedException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    public ShieldEgressBlockedException()
        : this("An outbound request was refused by the shield's egress allowlist.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ShieldEgressBlockedException(string message)
        : base(message)
    {
        Host = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ShieldEgressBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = string.Empty;
    }

    internal ShieldEgressBlockedException(string host, string functionName)
        : base($"{ShieldRules.EgressHostNotAllowed.Id}: the outbound request of {functionName} to {host} was refused; the host is not in the function's allowlist.")
    {
        Host = host;
    }

    /// <summary>The refused host.</summary>
    public string Host { get; }
}
