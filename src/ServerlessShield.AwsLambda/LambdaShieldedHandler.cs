using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServerlessShield.AwsLambda;

// One wrapped handler: the engine built once, then per invocation rent a context, run the pipeline (the event
// middleware reads and inspects the event, the terminal calls the user's handler) and translate the outcome into
// what the source expects. Everything per invocation lives in the context and its LambdaEvent, never in fields.
internal sealed class LambdaShieldedHandler<TContext>
{
    private const string DefaultFunctionName = "lambda";

    private readonly Func<Stream, TContext, Task<Stream>> _handler;
    private readonly Func<TContext, LambdaInvocation> _describe;
    private readonly ShieldEngine _engine;
    private readonly ShieldAttribute _handlerSettings;
    private readonly string _functionName;
    private readonly bool _reportBatchItemFailures;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CloudFormationFailureResponse? _cloudFormation;

    public LambdaShieldedHandler(Func<Stream, TContext, Task<Stream>> handler, Func<TContext, LambdaInvocation> describe, LambdaShieldOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEventBytes, 1, "LambdaShieldOptions.MaxEventBytes");
        _handler = handler;
        _describe = describe;
        _handlerSettings = options.Handler ?? new ShieldAttribute();
        _functionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") is { Length: > 0 } name ? name : DefaultFunctionName;
        _reportBatchItemFailures = options.ReportBatchItemFailures;
        _time = options.TimeProvider ?? TimeProvider.System;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LambdaLog.CategoryName);
        _cloudFormation = options.ReportCloudFormationFailures ? new CloudFormationFailureResponse(options.CloudFormationResponseUrlCheck) : null;

        LambdaRules.EnsureRegistered();
        var eventMiddleware = new LambdaEventMiddleware(options.Source, options.MaxEventBytes, new LambdaProvenance(options), new LambdaInputExtractors(new HttpRequestInputs(options.Http)));
        var configure = options.ConfigurePipeline;
        _engine = ShieldEngine.Create(options.Shield, options.LoggerFactory, builder =>
        {
            builder.InsertBefore<PayloadInspectionMiddleware>(eventMiddleware);
            configure?.Invoke(builder);
        }, options.TimeProvider);
    }

    public async Task<Stream> InvokeAsync(Stream input, TContext lambdaContext)
    {
        var invocation = Describe(lambdaContext);
        var policy = _engine.Policies.GetPolicy(invocation.FunctionName ?? _functionName, () => _handlerSettings);
        if (!policy.Enabled)
        {
            return await _handler(input, lambdaContext).ConfigureAwait(false);
        }

        var context = _engine.Rent(policy);
        using var lambdaEvent = new LambdaEvent(input);
        using var deadline = CreateDeadline(invocation.RemainingTime);
        try
        {
            context.Platform = ShieldPlatform.AwsLambda;
            // An empty id would become an empty correlation id; a generated one is better than none.
            context.PlatformRequestId = string.IsNullOrEmpty(invocation.AwsRequestId) ? null : invocation.AwsRequestId;
            context.TraceId = string.IsNullOrEmpty(invocation.TraceId) ? Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID") : invocation.TraceId;
            context.CancellationToken = deadline?.Token ?? CancellationToken.None;
            context.SetProperty(LambdaEvent.Key, lambdaEvent);
            context.SetProperty(LambdaShield.InvocationKey, invocation);
            context.Handler = shieldContext => new ValueTask(CallHandlerAsync(shieldContext, lambdaEvent, lambdaContext));
            await _engine.RunAsync(context).ConfigureAwait(false);
            return await CompleteAsync(context, lambdaEvent).ConfigureAwait(false);
        }
        finally
        {
            _engine.Return(context);
        }
    }

    private LambdaInvocation Describe(TContext lambdaContext)
    {
        try
        {
            return _describe(lambdaContext);
        }
#pragma warning disable CA1031 // User mapping code: whatever it throws must not leave with its message and stack.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var correlationId = Guid.NewGuid().ToString("N");
            LambdaLog.DescribeFailed(_logger, new ScrubbedException(ex), ex.GetType().FullName ?? "Exception", correlationId);
            throw new ShieldedInvocationException(ShieldRules.ShieldFailure.Id, correlationId);
        }
    }

    private CancellationTokenSource? CreateDeadline(TimeSpan? remaining) =>
        remaining is { } time && time > TimeSpan.Zero ? new CancellationTokenSource(time, _time) : null;

    private async Task CallHandlerAsync(ShieldContext context, LambdaEvent lambdaEvent, TContext lambdaContext)
    {
        if (context.Inputs.Any(i => i.IsSanitized))
        {
            var unplaced = SanitizedEventWriter.Apply(lambdaEvent, context);
            if (unplaced.Count > 0 && BlockUnplaced(context, unplaced))
            {
                return;
            }
        }

        Stream payload;
        if (context.RejectedItemIds.Count == 0)
        {
            payload = AsStream(lambdaEvent.Bytes);
        }
        else
        {
            if (!BatchRecords.AnswersPerRecord(lambdaEvent.Source, _reportBatchItemFailures))
            {
                return;
            }

            lambdaEvent.WithheldItemIds = BatchItemFailures.SelectWithheld(lambdaEvent.Source, lambdaEvent.Root, context.RejectedItemIds);
            var filtered = BatchItemFailures.WithoutRecords(lambdaEvent.Source, lambdaEvent.Root, lambdaEvent.WithheldItemIds, out var remaining);
            if (remaining == 0)
            {
                return;
            }

            payload = new MemoryStream(filtered, writable: false);
        }

        lambdaEvent.HandlerResponse = await _handler(payload, lambdaContext).ConfigureAwait(false);
    }

    // A sanitized input the event has no place for must not reach the handler in its original form: each of its
    // sanitized findings is reported again, which now blocks (the invocation, or the record it belongs to).
    private static bool BlockUnplaced(ShieldContext context, List<ShieldInput> unplaced)
    {
        foreach (var input in unplaced)
        {
            var blocked = false;
            foreach (var finding in context.Findings.ToList())
            {
                if (finding.Action == FindingAction.Sanitized && finding.ItemId == input.ItemId && IsWithin(finding.FieldPath, input.Path))
                {
                    context.Report(finding.Rule, finding.FieldPath, input.ItemId, canSanitize: false, finding.ValueHash);
                    blocked = true;
                }
            }

            if (!blocked)
            {
                context.Report(ShieldRules.ShieldFailure, input.Path, input.ItemId);
            }
        }

        return context.Outcome.IsRejected;
    }

    private static bool IsWithin(string fieldPath, string inputPath) =>
        fieldPath.StartsWith(inputPath, StringComparison.Ordinal)
        && (fieldPath.Length == inputPath.Length || fieldPath[inputPath.Length] is '.' or '[');

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private async Task<Stream> CompleteAsync(ShieldContext context, LambdaEvent lambdaEvent)
    {
        if (context.Outcome.IsRejected)
        {
            if (HttpErrorResponseWriter.CanAnswer(lambdaEvent.Source))
            {
                return HttpErrorResponseWriter.Write(lambdaEvent, _engine.CreateErrorResponse(context));
            }

            var redacted = ShieldedInvocationException.From(context);
            if (_cloudFormation is not null && lambdaEvent.Source == LambdaEventSource.CloudFormationCustomResource && lambdaEvent.Document is not null)
            {
                var status = await _cloudFormation.SendAsync(lambdaEvent.Root, redacted.Code, redacted.CorrelationId, context.CancellationToken).ConfigureAwait(false);
                if ((int?)status is >= 200 and <= 299)
                {
                    LambdaLog.CloudFormationFailureReported(_logger, redacted.Code, redacted.CorrelationId);
                    return new MemoryStream();
                }

                LambdaLog.CloudFormationReportFailed(_logger, (int?)status ?? 0, redacted.CorrelationId);
            }

            throw redacted;
        }

        if (context.RejectedItemIds.Count == 0)
        {
            return lambdaEvent.HandlerResponse!;
        }

        var reason = "the source has no partial batch response";
        var supported = BatchRecords.SupportsItemFailures(lambdaEvent.Source);
        if (BatchRecords.AnswersPerRecord(lambdaEvent.Source, _reportBatchItemFailures))
        {
            if (lambdaEvent.WithheldItemIds.Count == 0)
            {
                lambdaEvent.WithheldItemIds = BatchItemFailures.SelectWithheld(lambdaEvent.Source, lambdaEvent.Root, context.RejectedItemIds);
            }

            var merged = lambdaEvent.Source == LambdaEventSource.Firehose
                ? await FirehoseResults.MergeAsync(lambdaEvent.HandlerResponse, lambdaEvent.Root, lambdaEvent.WithheldItemIds, context.CancellationToken).ConfigureAwait(false)
                : await BatchItemFailures.MergeAsync(lambdaEvent.HandlerResponse, lambdaEvent.WithheldItemIds, context.CancellationToken).ConfigureAwait(false);
            if (merged is not null)
            {
                return merged;
            }

            reason = lambdaEvent.Source == LambdaEventSource.Firehose
                ? "the handler's answer is not a JSON object with a records array"
                : "the handler's answer is not a JSON object";
        }
        else if (supported)
        {
            reason = "ReportBatchItemFailures is off";
        }

        // Nothing is dropped silently: when the rejected records cannot be reported one by one, the whole batch fails.
        LambdaLog.BatchFailed(_logger, context.RejectedItemIds.Count, context.Source.Name, context.FunctionName, reason, context.CorrelationId);
        throw new ShieldedInvocationException(FirstRejectingRule(context), context.CorrelationId);
    }

    private static string FirstRejectingRule(ShieldContext context)
    {
        foreach (var finding in context.Findings)
        {
            if (finding.Action == FindingAction.Blocked && finding.ItemId is not null)
            {
                return finding.Rule.Id;
            }
        }

        return ShieldRules.ShieldFailure.Id;
    }
}
