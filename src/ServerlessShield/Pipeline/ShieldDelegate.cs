namespace ServerlessShield;

/// <summary>
/// The next step of the shield pipeline: the following middleware, or at the end the function's own handler.
/// </summary>
/// <param name="context">The invocation being shielded.</param>
/// <returns>A task that completes when the rest of the pipeline has run.</returns>
public delegate ValueTask ShieldDelegate(ShieldContext context);
