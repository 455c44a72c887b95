namespace ServerlessShield;

/// <summary>
/// Collects the middlewares of a shield pipeline in the order they run. The list is explicit and visible:
/// <see cref="Middlewares"/> can be inspected, and a user middleware can be inserted at any position.
/// </summary>
public sealed class ShieldPipelineBuilder
{
    private readonly List<IShieldMiddleware> _middlewares = [];
    private bool _built;

    /// <summary>The middlewares in the order they run, outermost first.</summary>
    public IReadOnlyList<IShieldMiddleware> Middlewares => _middlewares;

    /// <summary>Appends a middleware; it runs after every middleware added before it.</summary>
    /// <param name="middleware">The middleware to add.</param>
    /// <returns>This builder.</returns>
    public ShieldPipelineBuilder Use(IShieldMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        EnsureNotBuilt();
        _middlewares.Add(middleware);
        return this;
    }

    /// <summary>Appends an inline middleware.</summary>
    /// <param name="middleware">The body: receives the context and the rest of the pipeline.</param>
    /// <param name="name">A name shown when the pipeline is listed.</param>
    /// <returns>This builder.</returns>
    public ShieldPipelineBuilder Use(Func<ShieldContext, ShieldDelegate, ValueTask> middleware, string name = "inline")
    {
        ArgumentNullException.ThrowIfNull(middleware);
        return Use(new DelegateMiddleware(middleware, name));
    }

    /// <summary>Inserts a middleware at a position of the pipeline (0 is outermost).</summary>
    /// <param name="index">The position.</param>
    /// <param name="middleware">The middleware to insert.</param>
    /// <returns>This builder.</returns>
    public ShieldPipelineBuilder Insert(int index, IShieldMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        EnsureNotBuilt();
        _middlewares.Insert(index, middleware);
        return this;
    }

    /// <summary>Inserts a middleware just before the first middleware of type <typeparamref name="TBefore"/>, or appends it.</summary>
    /// <typeparam name="TBefore">The type of the middleware to insert before.</typeparam>
    /// <param name="middleware">The middleware to insert.</param>
    /// <returns>This builder.</returns>
    public ShieldPipelineBuilder InsertBefore<TBefore>(IShieldMiddleware middleware)
        where TBefore : IShieldMiddleware
    {
        var index = _middlewares.FindIndex(m => m is TBefore);
        return index < 0 ? Use(middleware) : Insert(index, middleware);
    }

    /// <summary>Replaces the first middleware of type <typeparamref name="TMiddleware"/> (a built-in with other settings, say).</summary>
    /// <typeparam name="TMiddleware">The type of the middleware to replace.</typeparam>
    /// <param name="replacement">The middleware to put in its place.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No middleware of that type is in the pipeline.</exception>
    public ShieldPipelineBuilder Replace<TMiddleware>(IShieldMiddleware replacement)
        where TMiddleware : IShieldMiddleware
    {
        ArgumentNullException.ThrowIfNull(replacement);
        EnsureNotBuilt();
        var index = _middlewares.FindIndex(m => m is TMiddleware);
        if (index < 0)
        {
            throw new InvalidOperationException($"The pipeline has no {typeof(TMiddleware).Name} to replace.");
        }

        _middlewares[index] = replacement;
        return this;
    }

    /// <summary>Builds the pipeline. The builder cannot be changed afterwards.</summary>
    /// <returns>The pipeline.</returns>
    public ShieldPipeline Build()
    {
        _built = true;
        return new ShieldPipeline([.. _middlewares]);
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The shield pipeline has been built already; add middlewares before the first invocation.");
        }
    }
}
