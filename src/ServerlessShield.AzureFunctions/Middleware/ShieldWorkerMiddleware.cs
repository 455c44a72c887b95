using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ServerlessShield.AzureFunctions;

/// <summary>
/// The worker middleware: translates an invocation into a <see cref="ShieldContext"/>, runs the shield pipeline
/// around the rest of the worker pipeline (input conversion, the function, output bindings), and translates a
/// block or a failure back into a problem+json HTTP response or a <see cref="ShieldedInvocationException"/>.
/// </summary>
internal sealed class ShieldWorkerMiddleware(ShieldEngine engine, IOptions<AzureFunctionsShieldOptions>? azureOptions = null, ILoggerFactory? loggerFactory = null) : IFunctionsWorkerMiddleware
{
    private readonly ConcurrentDictionary<string, FunctionShieldPlan> _plans = new(StringComparer.Ordinal);
    private readonly AzureFunctionsShieldOptions _options = azureOptions?.Value ?? new AzureFunctionsShieldOptions();
    private readonly HttpRequestInputs _httpInputs = new(azureOptions?.Value.Http ?? new HttpInputOptions());
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
            await ShieldAsync(context, next, plan, shield).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw HostCancellation.For(context.CancellationToken);
        }
        finally
        {
            engine.Return(shield);
        }
    }

    private async Task ShieldAsync(FunctionContext context, FunctionExecutionDelegate next, FunctionShieldPlan plan, ShieldContext shield)
    {
        shield.Platform = ShieldPlatform.AzureFunctions;
        shield.Source = plan.Source;
        shield.InvocationId = context.InvocationId;
        shield.TraceId = W3CTraceParent.TraceIdOf(context.TraceContext?.TraceParent);
        shield.CancellationToken = context.CancellationToken;

        var invocation = new ShieldedInvocation();
        await ReadInputsAsync(context, plan, shield, invocation).ConfigureAwait(false);

        // The guard keeps the function from running on a rejected invocation even if a user middleware calls next,
        // and on a batch with a rejected record: the worker cannot fail part of a batch, so the whole batch fails.
        shield.Handler = s => s.Outcome.IsRejected || s.RejectedItemIds.Count > 0 || RefuseSanitized(s)
            ? ValueTask.CompletedTask
            : invocation.Answer is { } answer ? AnswerAsync(context, invocation, answer) : InvokeFunctionAsync(context, next);
        await engine.RunAsync(shield).ConfigureAwait(false);

        if (shield.Outcome.IsRejected || (!shield.IsHttp && shield.RejectedItemIds.Count > 0))
        {
            await RejectAsync(context, invocation.Request, shield).ConfigureAwait(false);
        }
    }

    // The worker has already bound the function's arguments from the original payload, and this adapter does not
    // rewrite them yet: a sanitized invocation fails closed (blocked with the sanitizing rule) rather than letting the
    // function run on data the shield reported as neutralised.
    private static bool RefuseSanitized(ShieldContext shield)
    {
        if (!shield.Inputs.Any(i => i.IsSanitized))
        {
            return false;
        }

        var rule = shield.Findings.First(f => f.Action == FindingAction.Sanitized).Rule;
        shield.Outcome = ShieldOutcome.Blocked(rule);
        return true;
    }

    // The worker's reflection executor wraps a cancelled function's exception in an AggregateException; the shield's
    // redaction would take that for a failure. A cancellation the host asked for leaves the function as one.
    private static async ValueTask InvokeFunctionAsync(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.CancellationToken.IsCancellationRequested && HostCancellation.IsCancellation(ex))
        {
            throw HostCancellation.For(context.CancellationToken);
        }
    }

    private ValueTask AnswerAsync(FunctionContext context, ShieldedInvocation invocation, Func<ValueTask> answer)
    {
        AzureFunctionsLog.HandshakeAnswered(_logger, invocation.AnswerKind ?? "handshake", context.FunctionDefinition.Name, context.InvocationId);
        return answer();
    }

    private async ValueTask ReadInputsAsync(FunctionContext context, FunctionShieldPlan plan, ShieldContext shield, ShieldedInvocation invocation)
    {
        try
        {
            if (plan.Source.Kind == EventSourceKind.Http)
            {
                invocation.Request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
                if (invocation.Request is { } request)
                {
                    await HttpInvocationReader.ReadAsync(context, request, plan, shield, invocation, _httpInputs).ConfigureAwait(false);
                }
            }
            else if (plan.Trigger is not null)
            {
                await TriggerInputReader.ReadAsync(context, plan, shield, invocation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An input the shield cannot read is the shield's failure: closed (redacted) or open, per function.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            shield.FailShield(ex);
        }
    }

    private async ValueTask RejectAsync(FunctionContext context, HttpRequestData? request, ShieldContext shield)
    {
        if (shield.IsHttp && request is not null)
        {
            try
            {
                // The engine's response: problem+json, with the scrubbed exception only in local development.
                await HttpErrorResponseWriter.WriteAsync(context, request, engine.CreateErrorResponse(shield)).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException)
            {
                // The function already started its ASP.NET Core response: it cannot be replaced, so fail redacted.
            }
        }

        // A failure stays a failure, so the host's retries, poison queues and dead-lettering still apply. A batch
        // with rejected records fails whole: the worker has no partial-batch response, and nothing is dropped silently.
        if (!shield.Outcome.IsRejected)
        {
            AzureFunctionsLog.BatchRejected(_logger, context.FunctionDefinition.Name, shield.CorrelationId, string.Join(",", shield.RejectedItemIds.Select(LogSafeText.Id)));
        }

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
        var source = AzureTriggerMap.SourceOf(trigger);
        var policy = engine.Policies.GetPolicy(definition.Name, () => FindAttribute(definition));
        var parameter = trigger is null ? -1 : IndexOfParameter(definition, trigger.Name);
        return _plans.GetOrAdd(definition.Id, new FunctionShieldPlan(policy, source, trigger)
        {
            TriggerParameter = parameter,
            IsBatchParameter = parameter >= 0 && IsCollection(definition.Parameters[parameter].Type),
            AnswersEventGridValidation = _options.EventGridValidationFunctions.Contains(definition.Name),
            RouteParameters = policy.Enabled && source.Kind == EventSourceKind.Http && trigger is not null
                ? RouteTemplate.ParameterNames(FindRoute(definition, trigger.Name))
                : [],
        });
    }

    private static int IndexOfParameter(FunctionDefinition definition, string name)
    {
        var parameters = definition.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // string[], IReadOnlyList<T>, List<byte[]>: a batch. Text and binary single values are enumerable too, and are not.
    internal static bool IsCollection(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && type != typeof(BinaryData)
        && !typeof(Stream).IsAssignableFrom(type)
        && (type.IsArray || (typeof(IEnumerable).IsAssignableFrom(type) && !IsDictionary(type)));

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition().Name.Contains("Dictionary", StringComparison.Ordinal));

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "The worker loads the same assembly, type and method by name to invoke the function, so they are present whenever the function can run. Trimmed apps can configure functions with ShieldOptions.ForFunction instead.")]
    private ShieldAttribute? FindAttribute(FunctionDefinition definition) =>
        AttributeOrDefault(() => ShieldAttributeLocator.Find(definition.Name, definition.EntryPoint, definition.PathToAssembly),
            ex => AzureFunctionsLog.AttributeLookupFailed(_logger, ex, definition.Name, definition.EntryPoint));

    // An attribute that cannot be read fails closed: the function is shielded with the defaults (its configuration,
    // which wins over any attribute, still applies), never silently left unshielded.
    internal static ShieldAttribute? AttributeOrDefault(Func<ShieldAttribute?> find, Action<Exception> report)
    {
        try
        {
            return find();
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or TypeLoadException or AmbiguousMatchException or CustomAttributeFormatException)
        {
            report(ex);
            return new ShieldAttribute();
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "As for the attribute: the worker needs the same method to invoke the function. Without it, route values are not inspected; the path still is.")]
    private string? FindRoute(FunctionDefinition definition, string triggerName)
    {
        try
        {
            return ShieldAttributeLocator.FindHttpRoute(definition.Name, definition.EntryPoint, definition.PathToAssembly, triggerName);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or TypeLoadException or AmbiguousMatchException or CustomAttributeFormatException)
        {
            AzureFunctionsLog.AttributeLookupFailed(_logger, ex, definition.Name, definition.EntryPoint);
            return null;
        }
    }
}
