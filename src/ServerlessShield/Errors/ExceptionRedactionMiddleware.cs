namespace ServerlessShield;

/// <summary>
/// Turns an exception from the rest of the pipeline into a <see cref="ShieldOutcomeKind.Failed"/> outcome, so the
/// adapter answers with a generic error (HTTP) or rethrows a <see cref="ShieldedInvocationException"/> (everything
/// else). A cancellation requested by the platform passes through untouched. Nothing is swallowed: the failure
/// stays a failure, only its content is withheld.
/// </summary>
public sealed class ExceptionRedactionMiddleware : IShieldMiddleware
{
    /// <inheritdoc />
    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Catching everything is this middleware's purpose; the failure is kept as an outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // An exception before the handler ran is the shield's own failure: fail closed.
            var rule = context.HandlerInvoked ? ShieldRules.UnhandledException : ShieldRules.ShieldFailure;
            context.Fail(ex, rule);
        }
    }
}
