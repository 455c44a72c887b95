namespace ServerlessShield;

/// <summary>
/// Turns an exception from the rest of the pipeline into a <see cref="ShieldOutcomeKind.Failed"/> outcome, so the
/// adapter answers with a generic error (HTTP) or rethrows a <see cref="ShieldedInvocationException"/> (everything
/// else). Known exception types map to statuses (validation 400, unauthorized 403, timeout 504, and what
/// <see cref="ShieldErrorOptions.StatusCodes"/> adds). A cancellation requested by the platform passes through
/// untouched. Nothing is swallowed: the failure stays a failure, only its content is withheld.
/// </summary>
public sealed class ExceptionRedactionMiddleware : IShieldMiddleware
{
    private readonly ExceptionStatusMap _statuses;

    /// <summary>Creates the middleware with the default status map.</summary>
    public ExceptionRedactionMiddleware()
        : this(new ShieldErrorOptions())
    {
    }

    /// <summary>Creates the middleware.</summary>
    /// <param name="options">The error options, whose status map extends the defaults.</param>
    public ExceptionRedactionMiddleware(ShieldErrorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _statuses = new ExceptionStatusMap(options.StatusCodes);
    }

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
            // An exception before the handler ran is the shield's own failure: fail closed, unless the function fails open.
            if (context.HandlerInvoked)
            {
                context.Fail(ex, ShieldRules.UnhandledException, _statuses.StatusFor(ex));
            }
            else if (context.FailShield(ex))
            {
                await InvokeHandlerAsync(context).ConfigureAwait(false);
            }
        }
    }

    // Failing open: the handler runs without the rest of the pipeline; its own exceptions are redacted as usual.
    private async ValueTask InvokeHandlerAsync(ShieldContext context)
    {
        try
        {
            await ShieldPipeline.InvokeHandler(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // As above: the handler's failure is kept as an outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Fail(ex, ShieldRules.UnhandledException, _statuses.StatusFor(ex));
        }
    }
}
