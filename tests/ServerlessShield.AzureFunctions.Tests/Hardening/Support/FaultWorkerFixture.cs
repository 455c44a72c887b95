using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ServerlessShield.AzureFunctions.TestApp;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// The test app with faults around the shield: a security-event listener that always throws (registered first), one
/// that blocks the invocations a test names until it lets them go, and a FluentValidation validator (for <c>Echo</c>
/// and <c>HardenedQueue</c>) that throws on one value. The secrets in their exceptions carry the canary.
/// </summary>
public sealed class FaultWorkerFixture : HardenedAppFixture
{
    public const string ValidatedHttp = "Echo";

    public ThrowingListener Throwing { get; } = new();

    public BlockingListener Blocking { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ISecurityEventListener>(Throwing);
        services.AddSingleton<ISecurityEventListener>(Blocking);
        base.ConfigureServices(services);
    }

    protected override void ConfigurePipeline(ShieldPipelineBuilder pipeline)
    {
        base.ConfigurePipeline(pipeline);
        var typeInfo = (JsonTypeInfo<NamedPayload>)JsonSerializerOptions.Web.GetTypeInfo(typeof(NamedPayload));
        pipeline.AddFluentValidation(registry => registry
            .Add(ValidatedHttp, new ExplodingValidator(), typeInfo)
            .Add(Queue, new ExplodingValidator(), typeInfo));
    }

    public sealed class ThrowingListener : ISecurityEventListener
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void OnSecurityEvent(SecurityEvent securityEvent)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("listener failed: password=" + HardeningFunctions.Canary);
        }
    }

    /// <summary>Blocks the events of the invocations in <see cref="Hold"/> until <see cref="Release"/>; the rest pass.</summary>
    public sealed class BlockingListener : ISecurityEventListener
    {
        private readonly ConcurrentDictionary<string, (TaskCompletionSource Entered, ManualResetEventSlim Gate)> _held = new(StringComparer.Ordinal);

        /// <summary>Holds the invocation's events; the task completes when its first event is being delivered.</summary>
        public Task Hold(string invocationId) =>
            _held.GetOrAdd(invocationId, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new ManualResetEventSlim())).Entered.Task;

        public void Release(string invocationId)
        {
            if (_held.TryGetValue(invocationId, out var held))
            {
                held.Gate.Set();
            }
        }

        public void OnSecurityEvent(SecurityEvent securityEvent)
        {
            ArgumentNullException.ThrowIfNull(securityEvent);
            if (securityEvent.InvocationId is { } id && _held.TryGetValue(id, out var held))
            {
                held.Entered.TrySetResult();
                // A synchronous sink stuck on I/O; bounded so a broken test cannot hang the run.
                held.Gate.Wait(HardenedWorkerFixture.InvocationTimeout);
            }
        }
    }

    public sealed class NamedPayload
    {
        public string? Name { get; set; }
    }

    private sealed class ExplodingValidator : AbstractValidator<NamedPayload>
    {
        public ExplodingValidator()
        {
            RuleFor(p => p.Name).NotEmpty();
            RuleFor(p => p.Name).Must(name => name == "explode"
                ? throw new InvalidOperationException("validator failed: password=" + HardeningFunctions.Canary)
                : true);
        }
    }
}
