using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// The test app with the ASP.NET Core integration: the worker runs its own Kestrel server on loopback and an HTTP
/// invocation is a gRPC invocation request plus a real HTTP request carrying the same invocation id.
/// </summary>
public sealed class AspNetCoreWorkerFixture : WorkerFixture, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    protected override IHost BuildWorker(IDictionary<string, string?> connection)
    {
        // ConfigureFunctionsWebApplication adds the worker's HTTP proxying middleware before the callback runs.
        var builder = new HostBuilder()
            .ConfigureFunctionsWebApplication(worker => worker.UseServerlessShieldAspNetCore(configurePipeline: MarkerDetectors.Configure, configureAzure: ConfigureAzure))
            .ConfigureServices(services => services.AddSingleton<ISecurityEventListener, SecurityEventLog>())
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(connection));
        new FunctionExecutorAutoStartup().Configure(builder);
        new FunctionMetadataProviderAutoStartup().Configure(builder);
        return builder.Build();
    }

    /// <summary>Sends the invocation to the worker over gRPC and the request to its Kestrel server, concurrently.</summary>
    public async Task<(HttpResponseMessage Http, InvocationResponse Invocation)> InvokeAsync(string function, string body)
    {
        var invocation = NewInvocation(function);
        invocation.InputData.Add(new ParameterBinding
        {
            Name = "req",
            Data = new TypedData { Http = new RpcHttp { Method = "POST", Url = $"http://localhost/api/{function}" } },
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(WorkerCapabilities["HttpUri"]), "api/" + function))
        {
            Content = new StringContent(body),
        };
        request.Headers.Add("x-ms-invocation-id", invocation.InvocationId);

        var http = _http.SendAsync(request);
        var response = await InvokeAsync(invocation);
        return (await http, response);
    }

    public void Dispose() => _http.Dispose();
}
