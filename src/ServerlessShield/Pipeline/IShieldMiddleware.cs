namespace ServerlessShield;

/// <summary>
/// One unit of the shield pipeline. Built-in and user middlewares share this contract: code before
/// the <c>next</c> delegate runs on the way in, code after it on the way out, and a catch around it sees failures.
/// Not calling the <c>next</c> delegate short-circuits the invocation; set <see cref="ShieldContext.Outcome"/> to say why.
/// </summary>
public interface IShieldMiddleware
{
    /// <summary>Runs this middleware for one invocation.</summary>
    /// <param name="context">The invocation being shielded.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>A task that completes when this middleware and everything after it has run.</returns>
    ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next);
}
