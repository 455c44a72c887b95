using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// A worker for the hardening suite: the default shield pipeline (the real detectors) with a pool-state probe in front,
/// its own security-event listener and a log watch for canaries. Invocations are bounded in time: no answer within
/// <see cref="InvocationTimeout"/> is a hang and fails the test.
/// </summary>
public abstract class HardenedWorkerFixture : WorkerFixture
{
    /// <summary>Hang detection only: generous, so a loaded machine never trips it.</summary>
    public static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(60);

    public CanaryLogWatch Logs { get; } = new(HardeningFunctions.Canary);

    public PoolStateProbe Probe { get; } = new();

    public HardenedEventLog Events { get; } = new();

    /// <summary>Whether the worker host has begun to stop (it does when its event stream breaks).</summary>
    public bool IsStopping => WorkerHost.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    /// <summary>Invocation responses the worker sent that answered no pending request (duplicates).</summary>
    public int UnmatchedResponses => Host.UnmatchedInvocationResponses;

    public InvocationRequest NewRequest(string function) => NewInvocation(function);

    /// <summary>Sends an invocation and waits for its response; a missing response within the timeout is a hang.</summary>
    public async Task<InvocationResponse> SendAsync(InvocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await InvokeAsync(request).WaitAsync(InvocationTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No response to invocation {request.InvocationId} within {InvocationTimeout}: the worker hangs.", ex);
        }
    }

    /// <summary>Cancels an invocation, as the host does on timeout or shutdown; the worker does not answer the cancel itself.</summary>
    public Task CancelAsync(string invocationId) =>
        Host.PostAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    protected virtual void ConfigurePipeline(ShieldPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Insert(0, Probe);
    }

    protected virtual void ConfigureServices(IServiceCollection services) => services.AddSingleton<ISecurityEventListener>(Events);
}
