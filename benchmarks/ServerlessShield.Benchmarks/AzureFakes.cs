using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessShield.Benchmarks.Azure;

// The least of the isolated worker that the shield's worker middleware touches, so that it can run without a host:
// the function's definition and binding metadata, the invocation's context, features and HTTP request, and a worker
// builder that records what UseServerlessShield registers. The worker itself (gRPC, input conversion, the function
// executor, output bindings) is not here; its costs are the same with and without the shield.
internal sealed class CapturingWorkerBuilder : IFunctionsWorkerApplicationBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();

    public List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> Middlewares { get; } = [];

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        Middlewares.Add(middleware);
        return this;
    }

    // The worker's order: the first registered middleware is the outermost.
    public FunctionExecutionDelegate Build(FunctionExecutionDelegate function)
    {
        var pipeline = function;
        for (var i = Middlewares.Count - 1; i >= 0; i--)
        {
            pipeline = Middlewares[i](pipeline);
        }

        return pipeline;
    }
}

internal sealed class FakeBinding(string name, string type) : BindingMetadata
{
    public override string Name { get; } = name;

    public override string Type { get; } = type;

    public override BindingDirection Direction => BindingDirection.In;
}

internal sealed class FakeFunctionDefinition(string name, string entryPoint, FunctionParameter parameter, BindingMetadata trigger) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters { get; } = [parameter];

    public override string PathToAssembly { get; } = typeof(FakeFunctionDefinition).Assembly.Location;

    public override string EntryPoint { get; } = entryPoint;

    public override string Id { get; } = name + "-id";

    public override string Name { get; } = name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty.Add(trigger.Name, trigger);

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
}

internal sealed class FakeBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
}

internal sealed class FakeFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public void Set<T>(T instance) => _features[typeof(T)] = instance!;

    public T Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default!;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

internal sealed class FakeFunctionContext : FunctionContext
{
    private static readonly FakeBindingContext NoBindingData = new(new Dictionary<string, object?>());

    public FakeFunctionContext(FunctionDefinition definition, IServiceProvider services)
    {
        FunctionDefinition = definition;
        InstanceServices = services;
    }

    public override string InvocationId { get; } = "5fb6e3f1-3c2a-4d8b-9f0e-7a1b2c3d4e5f";

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext => NoBindingData;

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new FakeFeatures();
}

// The worker's own HttpRequestData for the built-in model keeps the body in memory (a seekable stream), as here.
internal sealed class FakeHttpRequestData(FunctionContext context, Uri url, HttpHeadersCollection headers, byte[] body) : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream(body, writable: false);

    public override HttpHeadersCollection Headers { get; } = headers;

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = url;

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method => "POST";

    public override HttpResponseData CreateResponse() => new FakeHttpResponseData(FunctionContext);
}

internal sealed class FakeHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => null!;
}

internal sealed class FakeHttpRequestDataFeature(HttpRequestData request) : IHttpRequestDataFeature
{
    public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => new(request);
}

// The worker binds a function's arguments once per invocation and caches them, as here.
internal sealed class FakeInputBindingFeature(object? value) : IFunctionInputBindingFeature
{
    private FunctionInputBindingResult? _result;

    public ValueTask<FunctionInputBindingResult> BindFunctionInputAsync(FunctionContext context) => new(_result ??= new FunctionInputBindingResult([value]));
}
