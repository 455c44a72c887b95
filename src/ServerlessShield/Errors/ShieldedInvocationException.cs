namespace ServerlessShield;

/// <summary>
/// What leaves a non-HTTP function in place of the real error: a code and a correlation id, no message of the
/// original, no inner exception and no stack trace. It is still a failure, so the platform's retries, poison queues
/// and dead-letter queues apply exactly as they would have.
/// </summary>
public sealed class ShieldedInvocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The rule id that explains the failure (<c>SHIELD3001</c>).</param>
    /// <param name="correlationId">The id that finds the full error in the shield's log.</param>
    public ShieldedInvocationException(string code, string correlationId)
        : base($"The invocation failed ({code}). Correlation id: {correlationId}.")
    {
        Code = code;
        CorrelationId = correlationId;
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public ShieldedInvocationException()
        : this(ShieldRules.UnhandledException.Id, "none")
    {
    }

    /// <summary>Creates the exception with a generic code. The message is ignored: nothing caller-supplied is exposed.</summary>
    /// <param name="message">Ignored.</param>
    public ShieldedInvocationException(string message)
        : this(ShieldRules.UnhandledException.Id, "none")
    {
        _ = message;
    }

    /// <summary>Creates the exception with a generic code. The arguments are ignored: nothing caller-supplied is exposed.</summary>
    /// <param name="message">Ignored.</param>
    /// <param name="innerException">Ignored, so the original error cannot travel with it.</param>
    public ShieldedInvocationException(string message, Exception innerException)
        : this(ShieldRules.UnhandledException.Id, "none")
    {
        _ = message;
        _ = innerException;
    }

    /// <summary>The rule id that explains the failure.</summary>
    public string Code { get; }

    /// <summary>The id that links this failure to the shield's log.</summary>
    public string CorrelationId { get; }

    /// <summary>Always null: runtimes copy the stack trace into error payloads, and it would name internal code.</summary>
    public override string? StackTrace => null;

    /// <inheritdoc />
    public override string ToString() => $"{GetType().FullName}: {Message}";

    /// <summary>Creates the exception that stands for a rejected or failed invocation.</summary>
    /// <param name="context">The invocation.</param>
    /// <returns>The exception to throw to the platform.</returns>
    public static ShieldedInvocationException From(ShieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = context.Outcome.Rule?.Id ?? ShieldRules.UnhandledException.Id;
        return new ShieldedInvocationException(code, context.CorrelationId);
    }
}
