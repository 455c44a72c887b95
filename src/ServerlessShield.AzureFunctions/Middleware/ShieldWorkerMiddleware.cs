using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServerlessShield.AzureFunctions;

/// <summary>
/// The worker middleware: translates an invocation into a <see cref="ShieldContext"/>, runs the shield pipeline
/// around the rest of the worker pipeline (input conversion, the function, output bindings), and translates a
/// block or a failure back into a problem+json HTTP response or a <see cref="ShieldedInvocationException"/>.
/// </summary>
internal sealed class ShieldWorkerMiddleware(ShieldEngine engine, ILoggerFactory? loggerFactory = null) : IFunctionsWorkerMiddleware
{
    private readonly ConcurrentDictionary<string, FunctionShieldPlan> _plans = new(StringComparer.Ordinal);
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServerlessShield.AzureFunctions");

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var plan = GetPlan(context.FunctionDefinition);
        if (!plan.Policy.Enabled)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var shield = engine.Rent(plan.Policy);
        try
        {
            shield.Platform = ShieldPlatform.AzureFunctions;
            shield.Source = plan.Source;
            shield.InvocationId = context.InvocationId;
            shield.TraceId = W3CTraceParent.TraceIdOf(context.TraceContext?.TraceParent);
            shield.CancellationToken = context.CancellationToken;

            var request = await ReadInputsAsync(context, plan, shield).ConfigureAwait(false);

            // The guard keeps the function from running on a rejected invocation even if a user middleware calls next,
            // and on a batch with a rejected record: the worker cannot fail part of a batch, so the whole batch fails.
            shield.Handler = s => s.Outcome.IsRejected || s.RejectedItemIds.Count > 0 ? ValueTask.CompletedTask : new ValueTask(next(context));
            await engine.RunAsync(shield).ConfigureAwait(false);

            if (shield.Outcome.IsRejected || (!shield.IsHttp && shield.RejectedItemIds.Count > 0))
            {
                await RejectAsync(context, request, shield).ConfigureAwait(false);
            }
        }
        finally
        {
            engine.Return(shield);
        }
    }

    private static async ValueTask<HttpRequestData?> ReadInputsAsync(FunctionContext context, FunctionShieldPlan plan, ShieldContext shield)
    {
        HttpRequestData? request = null;
        try
        {
            if (plan.Source.Kind == EventSourceKind.Http)
            {
                request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
                if (request is not null)
                {
                    await HttpInvocationReader.ReadAsync(context, request, shield).ConfigureAwait(false);
                }
            }
            else if (plan.Trigger is { } trigger)
            {
                await TriggerInputReader.ReadAsync(context, trigger, shield).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An input the shield cannot read fails closed, as a redacted failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            shield.Fail(ex, ShieldRules.ShieldFailure);
        }

        return request;
    }

    private static async ValueTask RejectAsync(FunctionContext context, HttpRequestData? request, ShieldContext shield)
    {
        if (shield.IsHttp && request is not null)
        {
            try
            {
                await HttpErrorResponseWriter.WriteAsync(context, request, ShieldErrorResponse.From(shield)).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException)
            {
                // The function already started its ASP.NET Core response: it cannot be replaced, so fail redacted.
            }
        }

        // A failure stays a failure, so the host's retries, poison queues and dead-lettering still apply. A batch
        // with rejected records fails whole: the worker has no partial-batch response, and nothing is dropped silently.
        throw shield.Outcome.IsRejected
            ? ShieldedInvocationException.From(shield)
            : new ShieldedInvocationException(FirstRejectingRule(shield).Id, shield.CorrelationId);
    }

    private static ShieldRule FirstRejectingRule(ShieldContext shield)
    {
        foreach (var finding in shield.Findings)
        {
            if (finding.Action == FindingAction.Blocked && finding.ItemId is not null)
            {
                return finding.Rule;
            }
        }

        return ShieldRules.UnhandledException;
    }

    private FunctionShieldPlan GetPlan(FunctionDefinition definition)
    {
        if (_plans.TryGetValue(definition.Id, out var plan))
        {
            return plan;
        }

        var trigger = AzureTriggerMap.FindTrigger(definition);
        var policy = engine.Policies.GetPolicy(definition.Name, () => FindAttribute(definition));
        return _plans.GetOrAdd(definition.Id, new FunctionShieldPlan(policy, AzureTriggerMap.SourceOf(trigger), trigger));
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "The worker loads the same assembly, type and method by name to invoke the function, so they are present whenever the function can run. Trimmed apps can configure functions with ShieldOptions.ForFunction instead.")]
    private ShieldAttribute? FindAttribute(FunctionDefinition definition)
    {
        try
        {
            return ShieldAttributeLocator.Find(definition.Name, definition.EntryPoint, definition.PathToAssembly);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or TypeLoadException or AmbiguousMatchException or CustomAttributeFormatException)
        {
            AzureFunctionsLog.AttributeLookupFailed(_logger, ex, definition.Name, definition.EntryPoint);
            return null;
        }
    }
}
