using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ServerlessShield.AwsLambda.Tests.Support;

// An in-process Lambda Runtime API (2018-06-01) on loopback, for the runtime host's tests and the Native AOT sample
// test: hands out queued invocations on GET next and records every answer. Self-contained: the AOT test project
// links this file.
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly HttpListener _listener;
    private readonly Channel<FakeInvocation> _queue = Channel.CreateUnbounded<FakeInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeAnswer>> _answers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RuntimeAnswer> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _inFlight;
    private int _maxInFlight;

    private FakeRuntimeApi(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        _serving = Task.Run(ServeAsync);
    }

    // host:port, as AWS_LAMBDA_RUNTIME_API gives it.
    public string Endpoint { get; }

    // Every request, in arrival order: "GET next", "POST {id}/response", ...
    public ConcurrentQueue<string> Requests { get; } = new();

    // The most invocations handed out and not yet answered at one time.
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    // A status to answer instead, by request kind ("next", "response", "error", "init/error"); null: the normal answer.
    public Func<string, HttpStatusCode?> Override { get; set; } = _ => null;

    public Task<RuntimeAnswer> InitError => _initError.Task;

    public static FakeRuntimeApi Start()
    {
        // HttpListener takes no port 0: ask the OS for a free one, and try again if it was taken in between.
        for (var attempt = 0; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            try
            {
                listener.Start();
                return new FakeRuntimeApi(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    // Queues an invocation; the task completes when the runtime posts its response or error.
    public Task<RuntimeAnswer> Enqueue(FakeInvocation invocation)
    {
        var answer = _answers.GetOrAdd(invocation.RequestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(invocation);
        return answer.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                Answer(response, HttpStatusCode.NotFound);
                return;
            }

            var route = path[Prefix.Length..];
            if (request.HttpMethod == "GET" && route == "invocation/next")
            {
                Requests.Enqueue("GET next");
                await NextAsync(response);
                return;
            }

            var body = await ReadAsync(request);
            var kind = route == "init/error" ? "init/error" : route.EndsWith("/response", StringComparison.Ordinal) ? "response" : "error";
            Requests.Enqueue($"POST {route}");
            if (Override(kind) is { } status)
            {
                Answer(response, status);
                return;
            }

            var answer = new RuntimeAnswer(kind, route, body, request.Headers["Lambda-Runtime-Function-Error-Type"], request.ContentType,
                request.ContentLength64, request.Headers["Transfer-Encoding"]);
            if (kind == "init/error")
            {
                _initError.TrySetResult(answer);
            }
            else
            {
                var requestId = Uri.UnescapeDataString(route["invocation/".Length..route.LastIndexOf('/')]);
                Interlocked.Decrement(ref _inFlight);
                _answers.GetOrAdd(requestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(answer);
            }

            Answer(response, HttpStatusCode.Accepted);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            response.Abort();
        }
    }

    private async Task NextAsync(HttpListenerResponse response)
    {
        if (Override("next") is { } status)
        {
            Answer(response, status);
            return;
        }

        var invocation = await _queue.Reader.ReadAsync(_stop.Token);
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        if (invocation.DeadlineMs is { } deadline)
        {
            response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        }

        if (invocation.FunctionArn is { } arn)
        {
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = arn;
        }

        if (invocation.TraceId is { } traceId)
        {
            response.Headers["Lambda-Runtime-Trace-Id"] = traceId;
        }

        if (invocation.TenantId is { } tenantId)
        {
            response.Headers["Lambda-Runtime-Aws-Tenant-Id"] = tenantId;
        }

        response.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes(invocation.Event);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static async Task<string> ReadAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static void Answer(HttpListenerResponse response, HttpStatusCode status)
    {
        response.StatusCode = (int)status;
        response.ContentLength64 = 0;
        response.Close();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
