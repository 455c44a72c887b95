using Google.Protobuf;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// A real worker host (the worker's own gRPC client, invocation pipeline and executor) connected to a
/// <see cref="FakeFunctionsHost"/>. Subclasses decide how the worker is built and which functions it loads.
/// </summary>
public abstract class WorkerFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _functionIds = new(StringComparer.Ordinal);
    private IHost? _worker;

    protected FakeFunctionsHost Host { get; } = new();

    protected static string AppDirectory => AppContext.BaseDirectory;

    /// <summary>What the worker reported at init, such as <c>HttpUri</c> with the ASP.NET Core integration.</summary>
    protected IDictionary<string, string> WorkerCapabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The started worker host.</summary>
    protected IHost WorkerHost => _worker ?? throw new InvalidOperationException("The worker has not been built.");

    public async Task InitializeAsync()
    {
        await Host.StartAsync();
        // Read by the worker when it builds a function definition; process-wide, so every fixture uses the same value.
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", AppDirectory);
        _worker = BuildWorker(new Dictionary<string, string?>
        {
            ["Functions:Worker:HostEndpoint"] = Host.Address,
            ["Functions:Worker:WorkerId"] = Guid.NewGuid().ToString(),
            ["Functions:Worker:RequestId"] = Guid.NewGuid().ToString(),
            ["Functions:Worker:GrpcMaxMessageLength"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await _worker.StartAsync();
        await Host.Connected.WaitAsync(TimeSpan.FromSeconds(20));

        var init = await Host.SendAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest { HostVersion = "4.1040.0", FunctionAppDirectory = AppDirectory, WorkerDirectory = AppDirectory },
        });
        EnsureSuccess(init.WorkerInitResponse.Result, "worker init");
        WorkerCapabilities = init.WorkerInitResponse.Capabilities;

        foreach (var metadata in await GetFunctionsAsync())
        {
            var load = await Host.SendAsync(new StreamingMessage
            {
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = metadata.FunctionId, Metadata = metadata },
            });
            EnsureSuccess(load.FunctionLoadResponse.Result, "load of " + metadata.Name);
            _functionIds[metadata.Name] = metadata.FunctionId;
        }
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Host.DisposeAsync();
            await _worker.StopAsync(timeout.Token);
            _worker.Dispose();
        }
        else
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>The test app's Event Grid webhook that answers handshakes; its twin <c>ClosedGridWebhook</c> does not.</summary>
    public static void ConfigureAzure(AzureFunctionsShieldOptions options) => options.EventGridValidationFunctions.Add("GridWebhook");

    /// <summary>Builds (does not start) the worker host with the given connection settings.</summary>
    protected abstract IHost BuildWorker(IDictionary<string, string?> connection);

    /// <summary>The functions to load: by default what the worker's metadata provider reports.</summary>
    protected virtual async Task<IEnumerable<RpcFunctionMetadata>> GetFunctionsAsync()
    {
        var response = await Host.SendAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory },
        });
        EnsureSuccess(response.FunctionMetadataResponse.Result, "metadata");
        return response.FunctionMetadataResponse.FunctionMetadataResults;
    }

    public Task<InvocationResponse> InvokeHttpAsync(
        string function,
        string body,
        string contentType = "text/plain",
        string method = "POST",
        string query = "",
        IDictionary<string, string>? headers = null,
        IDictionary<string, string>? routeValues = null,
        string? path = null)
    {
        var http = new RpcHttp
        {
            Method = method,
            Url = $"http://localhost/api/{path ?? function}{query}",
            Body = new TypedData { Bytes = ByteString.CopyFromUtf8(body) },
        };
        http.NullableHeaders["content-type"] = new NullableString { Value = contentType };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.NullableHeaders[name] = new NullableString { Value = value };
        }

        var request = NewInvocation(function);
        foreach (var (name, value) in routeValues ?? new Dictionary<string, string>())
        {
            // The host sends each route value as trigger metadata under its name.
            http.Params[name] = value;
            request.TriggerMetadata[name] = new TypedData { String = value };
        }

        request.InputData.Add(new ParameterBinding { Name = "req", Data = new TypedData { Http = http } });
        request.TriggerMetadata["Query"] = new TypedData { Json = "{}" };
        request.TriggerMetadata["Headers"] = new TypedData { Json = "{}" };
        return InvokeAsync(request);
    }

    public Task<InvocationResponse> InvokeMessageAsync(string function, string bindingName, string message, IDictionary<string, TypedData>? metadata = null)
    {
        var request = NewInvocation(function);
        request.InputData.Add(new ParameterBinding { Name = bindingName, Data = new TypedData { String = message } });
        foreach (var (key, value) in metadata ?? new Dictionary<string, TypedData>())
        {
            request.TriggerMetadata[key] = value;
        }

        return InvokeAsync(request);
    }

    public Task<InvocationResponse> InvokeAsync(string function, ParameterBinding input, string? queueTrigger = null)
    {
        var request = NewInvocation(function);
        request.InputData.Add(input);
        if (queueTrigger is not null)
        {
            // The host sends a queue message's raw text as trigger metadata too.
            request.TriggerMetadata["QueueTrigger"] = new TypedData { String = queueTrigger };
        }

        return InvokeAsync(request);
    }

    /// <summary>Invokes a function with one trigger value and the trigger metadata the host would send with it.</summary>
    public Task<InvocationResponse> InvokeAsync(string function, string bindingName, TypedData data, IDictionary<string, TypedData>? metadata)
    {
        var request = NewInvocation(function);
        request.InputData.Add(new ParameterBinding { Name = bindingName, Data = data });
        foreach (var (key, value) in metadata ?? new Dictionary<string, TypedData>())
        {
            request.TriggerMetadata[key] = value;
        }

        return InvokeAsync(request);
    }

    /// <summary>Starts an invocation, waits until the function runs, then cancels it as the host does on shutdown or timeout.</summary>
    public async Task<InvocationResponse> InvokeAndCancelAsync(string function, string bindingName, string message, Func<bool> started)
    {
        var request = NewInvocation(function);
        request.InputData.Add(new ParameterBinding { Name = bindingName, Data = new TypedData { String = message } });
        var response = InvokeAsync(request);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!started() && DateTime.UtcNow < deadline && !response.IsCompleted)
        {
            await Task.Delay(10);
        }

        await Host.PostAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
        return await response;
    }

    protected InvocationRequest NewInvocation(string function) => new()
    {
        InvocationId = Guid.NewGuid().ToString(),
        FunctionId = _functionIds[function],
        // The worker dereferences the trace context unconditionally.
        TraceContext = new RpcTraceContext { TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
    };

    protected async Task<InvocationResponse> InvokeAsync(InvocationRequest request)
    {
        var response = await Host.SendAsync(new StreamingMessage { InvocationRequest = request });
        return response.InvocationResponse;
    }

    private static void EnsureSuccess(StatusResult result, string step)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed the {step}: {result.Exception?.Message} {result.Result}");
        }
    }
}
