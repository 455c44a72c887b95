using ServerlessShield.AwsLambda;

namespace ServerlessShield;

/// <summary>
/// Shields an AWS Lambda handler that works on streams. No <c>Amazon.Lambda.*</c> package is needed: the wrapper is
/// generic over the host's context type, which the function project supplies (<c>ILambdaContext</c>).
/// </summary>
public static class LambdaShield
{
    /// <summary>
    /// The invocation as the describe delegate gave it (request id, function name, invoked ARN, remaining time, trace
    /// id), stored in every <see cref="ShieldContext"/> of a wrapped handler for middlewares and listeners:
    /// <c>context.TryGetProperty(LambdaShield.InvocationKey, out var invocation)</c>.
    /// </summary>
    public static ShieldPropertyKey<LambdaInvocation> InvocationKey { get; } = new("aws-lambda.invocation");

    /// <summary>
    /// Wraps a handler. The shield engine is built here, once; call this in a static initialiser or at startup,
    /// not per invocation. Invalid options throw here, never on the first request.
    /// </summary>
    /// <typeparam name="TContext">The host's context type, <c>ILambdaContext</c> in a real function.</typeparam>
    /// <param name="handler">The function's own handler.</param>
    /// <param name="describe">Maps the context to what the shield needs: <c>c =&gt; new(c.AwsRequestId, c.FunctionName, c.InvokedFunctionArn, c.RemainingTime)</c>.</param>
    /// <param name="options">The settings; null uses the defaults.</param>
    /// <returns>The shielded handler, with the same signature.</returns>
    public static Func<Stream, TContext, Task<Stream>> Wrap<TContext>(
        Func<Stream, TContext, Task<Stream>> handler,
        Func<TContext, LambdaInvocation> describe,
        LambdaShieldOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(describe);
        return new LambdaShieldedHandler<TContext>(handler, describe, options ?? new LambdaShieldOptions()).InvokeAsync;
    }

    /// <summary>
    /// Wraps a handler that takes no context, with the default settings. Without a context there is no request id:
    /// correlation ids are generated, the function name comes from <c>AWS_LAMBDA_FUNCTION_NAME</c> and the trace id
    /// from <c>_X_AMZN_TRACE_ID</c>.
    /// </summary>
    /// <param name="handler">The function's own handler.</param>
    /// <returns>The shielded handler, with the same signature.</returns>
    public static Func<Stream, Task<Stream>> Wrap(Func<Stream, Task<Stream>> handler) => Wrap(handler, null);

    /// <summary>Wraps a handler that takes no context (see <see cref="Wrap(Func{Stream, Task{Stream}})"/>).</summary>
    /// <param name="handler">The function's own handler.</param>
    /// <param name="options">The settings; null uses the defaults.</param>
    /// <returns>The shielded handler, with the same signature.</returns>
    public static Func<Stream, Task<Stream>> Wrap(Func<Stream, Task<Stream>> handler, LambdaShieldOptions? options)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var shielded = Wrap<object?>((input, _) => handler(input), static _ => default, options);
        return input => shielded(input, null);
    }
}
