using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessShield.AwsLambda;

namespace ServerlessShield;

/// <summary>
/// A small Lambda Runtime API client for custom runtimes (<c>provided.al2023</c>) and Native AOT, with no
/// <c>Amazon.Lambda.*</c> package: it fetches each invocation, calls the handler and posts the answer, or a redacted
/// error (<c>errorType</c> and <c>errorMessage</c> with a code and the request id, never a message or a stack trace).
/// It does what a runtime must (request id, deadline, function ARN, trace id, init errors, Managed Instances
/// concurrency) and nothing more: no response streaming, no SnapStart hooks, no log formatting; use
/// <c>Amazon.Lambda.RuntimeSupport</c> for those.
/// </summary>
/// <example>
/// <code>
/// await LambdaRuntimeHost.RunAsync(LambdaShield.Wrap&lt;LambdaRuntimeContext&gt;(Function.HandleAsync, c =&gt; c.ToInvocation()));
/// </code>
/// </example>
public static class LambdaRuntimeHost
{
    /// <summary>Runs the invocation loop for as long as the process lives.</summary>
    /// <param name="handler">The handler; wrap it with <see cref="LambdaShield.Wrap{TContext}"/>.</param>
    /// <returns>A task that completes only if the host fails.</returns>
    /// <exception cref="InvalidOperationException">There is no Runtime API endpoint.</exception>
    /// <exception cref="HttpRequestException">The Runtime API failed in a way Lambda says a runtime cannot recover from; exit.</exception>
    public static Task RunAsync(Func<Stream, LambdaRuntimeContext, Task<Stream>> handler) => RunAsync(handler, null, CancellationToken.None);

    /// <summary>Runs the invocation loop until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="handler">The handler; wrap it with <see cref="LambdaShield.Wrap{TContext}"/>.</param>
    /// <param name="cancellationToken">Stops the host: the invocation in flight is answered, then the task completes.</param>
    /// <returns>A task that completes when the host has stopped.</returns>
    /// <exception cref="InvalidOperationException">There is no Runtime API endpoint.</exception>
    /// <exception cref="HttpRequestException">The Runtime API failed in a way Lambda says a runtime cannot recover from; exit.</exception>
    public static Task RunAsync(Func<Stream, LambdaRuntimeContext, Task<Stream>> handler, CancellationToken cancellationToken) =>
        RunAsync(handler, null, cancellationToken);

    /// <summary>Runs the invocation loop until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="handler">The handler; wrap it with <see cref="LambdaShield.Wrap{TContext}"/>.</param>
    /// <param name="options">The settings; null uses the defaults.</param>
    /// <param name="cancellationToken">Stops the host: the invocation in flight is answered, then the task completes.</param>
    /// <returns>A task that completes when the host has stopped.</returns>
    /// <exception cref="InvalidOperationException">There is no Runtime API endpoint.</exception>
    /// <exception cref="HttpRequestException">The Runtime API failed in a way Lambda says a runtime cannot recover from; exit.</exception>
    public static Task RunAsync(Func<Stream, LambdaRuntimeContext, Task<Stream>> handler, LambdaRuntimeHostOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(_ => Task.FromResult(handler), options, cancellationToken);
    }

    /// <summary>
    /// Initialises the function, then runs the invocation loop until <paramref name="cancellationToken"/> is cancelled.
    /// If <paramref name="initialize"/> throws, Lambda is sent a redacted init error (<c>/runtime/init/error</c>), the
    /// scrubbed exception is logged and a <see cref="ShieldedInvocationException"/> is thrown, so the process exits.
    /// </summary>
    /// <param name="initialize">Builds the handler (options, clients, <see cref="LambdaShield.Wrap{TContext}"/>).</param>
    /// <param name="options">The settings; null uses the defaults.</param>
    /// <param name="cancellationToken">Stops the host: the invocation in flight is answered, then the task completes.</param>
    /// <returns>A task that completes when the host has stopped.</returns>
    /// <exception cref="InvalidOperationException">There is no Runtime API endpoint.</exception>
    /// <exception cref="ShieldedInvocationException">Initialisation failed (reported to Lambda first).</exception>
    /// <exception cref="HttpRequestException">The Runtime API failed in a way Lambda says a runtime cannot recover from; exit.</exception>
    public static async Task RunAsync(
        Func<CancellationToken, Task<Func<Stream, LambdaRuntimeContext, Task<Stream>>>> initialize,
        LambdaRuntimeHostOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        options ??= new LambdaRuntimeHostOptions();
        var endpoint = options.RuntimeApi ?? Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")
            ?? throw new InvalidOperationException("No Runtime API endpoint: AWS_LAMBDA_RUNTIME_API is not set and LambdaRuntimeHostOptions.RuntimeApi is null.");
        var concurrency = Math.Max(1, options.MaxConcurrency ?? ConcurrencyFromEnvironment());
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LambdaLog.CategoryName);
        using var client = new RuntimeApiClient(endpoint);

        Func<Stream, LambdaRuntimeContext, Task<Stream>> handler;
        try
        {
            handler = await initialize(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The initializer returned no handler.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any initialisation failure is reported to Lambda, redacted, before the process exits.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var correlationId = Guid.NewGuid().ToString("N");
            LambdaLog.RuntimeInitFailed(logger, ex, correlationId);
            var redacted = new ShieldedInvocationException(ShieldRules.UnhandledException.Id, correlationId);
            await client.PostInitErrorAsync(RuntimeApiError.From(redacted), CancellationToken.None).ConfigureAwait(false);
            throw redacted;
        }

        var functionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty;
        var clock = options.TimeProvider ?? TimeProvider.System;
        var loop = new RuntimeInvocationLoop(client, handler, functionName, setTraceIdVariable: concurrency == 1, clock, logger);
        if (concurrency == 1)
        {
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Managed Instances: that many loops, each one invocation at a time. One failing stops the others.
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = new Task[concurrency];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = RunOneAsync(loop, stopAll);
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private static async Task RunOneAsync(RuntimeInvocationLoop loop, CancellationTokenSource stopAll)
    {
        try
        {
            await loop.RunAsync(stopAll.Token).ConfigureAwait(false);
        }
        catch
        {
            await stopAll.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static int ConcurrencyFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY"), out var value) ? value : 1;
}
