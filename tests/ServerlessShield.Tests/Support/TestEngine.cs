using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ServerlessShield.Tests.Support;

// Builds an engine whose log lines are captured, and runs one invocation through it.
internal sealed class TestEngine
{
    public TestEngine(ShieldOptions? options = null, Action<ShieldPipelineBuilder>? configurePipeline = null)
    {
        Logs = new FakeLogCollector();
        var provider = new FakeLoggerProvider(Logs);
        LoggerFactory = new LoggerFactory([provider]);
        Engine = ShieldEngine.Create(options ?? new ShieldOptions { RequireOptIn = false }, LoggerFactory, configurePipeline);
    }

    public ShieldEngine Engine { get; }

    public FakeLogCollector Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    public async Task<InvocationResult> RunAsync(
        string function,
        IEnumerable<ShieldInput> inputs,
        Func<ShieldContext, ValueTask>? handler = null,
        HttpRequestParts? http = null,
        EventSourceInfo? source = null,
        ShieldAttribute? attribute = null)
    {
        var policy = Engine.Policies.GetPolicy(function, () => attribute);
        var context = Engine.Rent(policy);
        var handlerRan = false;
        try
        {
            context.Http = http;
            context.Source = source ?? (http is null ? new(EventSourceKind.Queue, "test-queue") : new(EventSourceKind.Http, "test-http"));
            foreach (var input in inputs)
            {
                context.Inputs.Add(input);
            }

            context.Handler = c =>
            {
                handlerRan = true;
                return handler?.Invoke(c) ?? ValueTask.CompletedTask;
            };
            await Engine.RunAsync(context);
            return new InvocationResult(context.Outcome, [.. context.Findings], context.CorrelationId, handlerRan, context.Verdict, [.. context.RejectedItemIds]);
        }
        finally
        {
            Engine.Return(context);
        }
    }

    public static ShieldInput Json(string json, string path = "body", string? itemId = null) =>
        new(path, Encoding.UTF8.GetBytes(json), InputFormat.Json, itemId);
}

internal sealed record InvocationResult(
    ShieldOutcome Outcome,
    IReadOnlyList<ShieldFinding> Findings,
    string CorrelationId,
    bool HandlerRan,
    string Verdict,
    IReadOnlyList<string> RejectedItems);
