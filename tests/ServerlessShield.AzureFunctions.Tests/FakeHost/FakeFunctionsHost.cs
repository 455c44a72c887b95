using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// Plays the Azure Functions host: a gRPC server on loopback that the real worker connects to. Requests go out on
/// the worker's event stream; the worker's responses are matched to them by request id.
/// </summary>
public sealed class FakeFunctionsHost : FunctionRpc.FunctionRpcBase, IAsyncDisposable
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(20);

    private readonly Channel<StreamingMessage> _toWorker = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _unmatchedInvocationResponses;

    /// <summary>The address the worker connects to, such as <c>http://127.0.0.1:PORT</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Invocation responses that matched no request waiting for one: a second response to one invocation, or a stray.</summary>
    public int UnmatchedInvocationResponses => Volatile.Read(ref _unmatchedInvocationResponses);

    /// <summary>Completes when the worker has opened its event stream.</summary>
    public Task Connected => _connected.Task;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // h2c on loopback only: the worker speaks gRPC over plain HTTP/2 to its host.
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(this);
        _app = builder.Build();
        _app.MapGrpcService<FakeFunctionsHost>();
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        // The worker does not close its stream on shutdown: end it from our side when disposed.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _stop.Token);
        var writer = Task.Run(async () =>
        {
            await foreach (var message in _toWorker.Reader.ReadAllAsync(cancellation.Token))
            {
                await responseStream.WriteAsync(message);
            }
        });

        try
        {
            await foreach (var message in requestStream.ReadAllAsync(cancellation.Token))
            {
                if (message.ContentCase == StreamingMessage.ContentOneofCase.StartStream)
                {
                    _connected.TrySetResult();
                }
                else if (_pending.TryRemove(message.RequestId, out var response))
                {
                    response.TrySetResult(message);
                }
                else if (message.ContentCase == StreamingMessage.ContentOneofCase.InvocationResponse)
                {
                    Interlocked.Increment(ref _unmatchedInvocationResponses);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await writer;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Sends a message to the worker and waits for the response that echoes its request id.</summary>
    public async Task<StreamingMessage> SendAsync(StreamingMessage message)
    {
        message.RequestId = Guid.NewGuid().ToString();
        var response = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[message.RequestId] = response;
        await _toWorker.Writer.WriteAsync(message);
        return await response.Task.WaitAsync(ResponseTimeout);
    }

    /// <summary>Sends a message the worker does not answer (an invocation cancel).</summary>
    public async Task PostAsync(StreamingMessage message)
    {
        message.RequestId = Guid.NewGuid().ToString();
        await _toWorker.Writer.WriteAsync(message);
    }

    public async ValueTask DisposeAsync()
    {
        _toWorker.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _stop.Dispose();
    }
}
