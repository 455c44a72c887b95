using BenchmarkDotNet.Attributes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using ServerlessShield.Benchmarks.Azure;

namespace ServerlessShield.Benchmarks;

// Per-invocation overhead of the Azure Functions adapter: the worker middleware that UseServerlessShield registers
// (called through the public registration on a recording builder, resolved from the same container), around the same
// trivial function called bare. Without a host, the invocation is a minimal fake FunctionContext (AzureFakes.cs),
// built new for every invocation in both methods, as the worker does: an HTTP trigger with a 2 KB JSON body and the
// headers a browser sends, and a queue trigger whose message is a small JSON order. The functions opt in with
// [Shield] and are found by reflection on their entry point, as in a real app (once, then cached).
[MemoryDiagnoser]
[Config(typeof(OverheadConfig))]
public class AzureMiddlewareBenchmarks
{
    private IServiceProvider _services = null!;
    private FunctionExecutionDelegate _function = null!;
    private FunctionExecutionDelegate _shielded = null!;
    private FunctionDefinition _definition = null!;
    private byte[] _body = [];
    private string _message = "";
    private HttpHeadersCollection _headers = null!;

    [Params("http", "queue")]
    public string Trigger { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var builder = new CapturingWorkerBuilder();
        builder.UseServerlessShield();
        _services = builder.Services.BuildServiceProvider();

        _body = Payload.Read("apigw-rest-2kb.json");
        _message = """{"orderId":"o-5521","customerId":"c-1042","status":"paid","note":"Gift wrap requested by the customer"}""";
        _headers = new HttpHeadersCollection
        {
            { "Content-Type", "application/json" },
            { "Accept", "application/json" },
            { "Host", "orders.azurewebsites.net" },
            { "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36" },
            { "X-Forwarded-For", "203.0.113.24" },
            { "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
        };
        _definition = Trigger == "http"
            ? new FakeFunctionDefinition("Orders", typeof(AzureFunctions).FullName + "." + nameof(AzureFunctions.Orders), new FunctionParameter("req", typeof(HttpRequestData)), new FakeBinding("req", "httpTrigger"))
            : new FakeFunctionDefinition("OnOrder", typeof(AzureFunctions).FullName + "." + nameof(AzureFunctions.OnOrder), new FunctionParameter("message", typeof(string)), new FakeBinding("message", "queueTrigger"));
        _function = Trigger == "http" ? AzureFunctions.RunHttpAsync : AzureFunctions.RunQueueAsync;
        _shielded = builder.Build(_function);

        var context = NewContext();
        _shielded(context).GetAwaiter().GetResult();
        if (!context.Items.ContainsKey(AzureFunctions.RanKey))
        {
            throw new InvalidOperationException($"The shielded {Trigger} invocation did not reach the function.");
        }
    }

    [Benchmark(Baseline = true, Description = "Bare")]
    public Task Bare() => _function(NewContext());

    [Benchmark(Description = "Shielded")]
    public Task Shielded() => _shielded(NewContext());

    private FakeFunctionContext NewContext()
    {
        var context = new FakeFunctionContext(_definition, _services);
        if (Trigger == "http")
        {
            context.Features.Set<IHttpRequestDataFeature>(new FakeHttpRequestDataFeature(
                new FakeHttpRequestData(context, new Uri("https://orders.azurewebsites.net/api/orders?currency=EUR"), _headers, _body)));
        }
        else
        {
            context.Features.Set<IFunctionInputBindingFeature>(new FakeInputBindingFeature(_message));
        }

        return context;
    }
}

// The functions, as the worker would find them by entry point. Their bodies run through RunHttpAsync and
// RunQueueAsync: read the request body, or bind the message, and mark the invocation as done.
public static class AzureFunctions
{
    internal static readonly object RanKey = new();

    [Shield]
    public static void Orders(HttpRequestData req) => ArgumentNullException.ThrowIfNull(req);

    [Shield]
    public static void OnOrder(string message) => ArgumentNullException.ThrowIfNull(message);

    internal static async Task RunHttpAsync(FunctionContext context)
    {
        var request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
        await request!.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
        context.Items[RanKey] = true;
    }

    internal static async Task RunQueueAsync(FunctionContext context)
    {
        var binder = context.Features.Get<IFunctionInputBindingFeature>() ?? throw new InvalidOperationException("No input binding.");
        var arguments = await binder.BindFunctionInputAsync(context).ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(arguments.Values[0]);
        context.Items[RanKey] = true;
    }
}
