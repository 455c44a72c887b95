using System.Net;
using Microsoft.Extensions.Logging;

namespace ServerlessShield.AwsLambda;

// One Runtime API loop: next, handler, response or error, again; until the host stops. Several run side by side
// under Lambda Managed Instances. Per-invocation state lives in locals and the context, never in fields.
internal sealed class RuntimeInvocationLoop(
    RuntimeApiClient client,
    Func<Stream, LambdaRuntimeContext, Task<Stream>> handler,
    string functionName,
    bool setTraceIdVariable,
    TimeProvider clock,
    ILogger logger)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    // Longer than any Lambda timeout (15 minutes) and within what a CancellationTokenSource timer accepts.
    private static readonly TimeSpan LongestDeadline = TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            RuntimeApiInvocation invocation;
            try
            {
                invocation = await client.NextAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            await InvokeAsync(invocation, stopping).ConfigureAwait(false);
        }
    }

    private async Task InvokeAsync(RuntimeApiInvocation invocation, CancellationToken stopping)
    {
        using var timeout = CreateTimeout(invocation.Deadline);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout?.Token ?? CancellationToken.None);
        var context = new LambdaRuntimeContext
        {
            AwsRequestId = invocation.RequestId,
            FunctionName = functionName,
            InvokedFunctionArn = invocation.InvokedFunctionArn,
            TraceId = invocation.TraceId,
            TenantId = invocation.TenantId,
            Deadline = invocation.Deadline,
            CancellationToken = cancellation.Token,
            Clock = clock,
        };
        if (setTraceIdVariable)
        {
            // As RuntimeSupport does outside multi-concurrency mode; cleared when absent so no trace id outlives its invocation.
            Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        }

        Stream? response;
        try
        {
            response = await handler(new MemoryStream(invocation.Event, 0, invocation.Event.Length, writable: false, publiclyVisible: true), context)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the handler throws is reported to Lambda as a redacted error; the loop goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await ReportErrorAsync(invocation.RequestId, ex).ConfigureAwait(false);
            return;
        }

        // The answer is posted even when the host is stopping: the invocation has run, Lambda waits for it.
        var status = await PostResponseAsync(invocation.RequestId, response).ConfigureAwait(false);
        if ((int)status is < 200 or > 299)
        {
            LambdaLog.RuntimeAnswerRefused(logger, "response", (int)status, invocation.RequestId);
        }
    }

    private CancellationTokenSource? CreateTimeout(DateTimeOffset? deadline)
    {
        if (deadline is not { } at)
        {
            return null;
        }

        var remaining = at - clock.GetUtcNow();
        return remaining > LongestDeadline ? null : new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, clock);
    }

    private async Task<HttpStatusCode> PostResponseAsync(string requestId, Stream? response)
    {
        if (response is null)
        {
            return await client.PostResponseAsync(requestId, Stream.Null, CancellationToken.None).ConfigureAwait(false);
        }

        await using (response.ConfigureAwait(false))
        {
            if (response.CanSeek)
            {
                return await client.PostResponseAsync(requestId, response, CancellationToken.None).ConfigureAwait(false);
            }

            // A stream of unknown length would go chunked; send a length, as the buffered response mode expects.
            using var buffer = new MemoryStream();
            await response.CopyToAsync(buffer).ConfigureAwait(false);
            buffer.Position = 0;
            return await client.PostResponseAsync(requestId, buffer, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ReportErrorAsync(string requestId, Exception exception)
    {
        // A shielded handler already logged the real failure and threw the redacted stand-in; anything else is
        // logged here, scrubbed, and replaced by one.
        if (exception is not ShieldedInvocationException redacted)
        {
            redacted = new ShieldedInvocationException(ShieldRules.UnhandledException.Id, requestId);
            LambdaLog.RuntimeHandlerFailed(logger, exception, requestId);
        }

        var status = await client.PostErrorAsync(requestId, RuntimeApiError.From(redacted), CancellationToken.None).ConfigureAwait(false);
        if ((int)status is < 200 or > 299)
        {
            LambdaLog.RuntimeAnswerRefused(logger, "error", (int)status, requestId);
        }
    }
}
