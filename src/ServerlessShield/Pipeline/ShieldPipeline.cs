namespace ServerlessShield;

/// <summary>
/// An immutable chain of middlewares ending in the invocation's handler (<see cref="ShieldContext.Handler"/>).
/// Built once; every invocation runs through the same chain.
/// </summary>
public sealed class ShieldPipeline
{
    private static readonly ShieldDelegate Terminal = InvokeHandler;

    private readonly ShieldDelegate _entry;

    internal ShieldPipeline(IShieldMiddleware[] middlewares)
    {
        Middlewares = middlewares;
        ShieldDelegate next = Terminal;
        for (var i = middlewares.Length - 1; i >= 0; i--)
        {
            var middleware = middlewares[i];
            var following = next;
            next = context => middleware.InvokeAsync(context, following);
        }

        _entry = next;
    }

    // Runs the invocation's handler: at the end of the chain, or directly when a function fails open.
    internal static ValueTask InvokeHandler(ShieldContext context)
    {
        context.HandlerInvoked = true;
        context.HandlerStartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        return context.Handler is { } handler ? handler(context) : ValueTask.CompletedTask;
    }

    /// <summary>The middlewares in the order they run, outermost first.</summary>
    public IReadOnlyList<IShieldMiddleware> Middlewares { get; }

    /// <summary>Runs the pipeline for one invocation. The outcome is left in <see cref="ShieldContext.Outcome"/>.</summary>
    /// <param name="context">The invocation.</param>
    /// <returns>A task that completes when the pipeline has run.</returns>
    public ValueTask ExecuteAsync(ShieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _entry(context);
    }
}
